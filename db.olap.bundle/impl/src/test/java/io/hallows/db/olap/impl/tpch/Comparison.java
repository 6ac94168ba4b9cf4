package io.hallows.db.olap.impl.tpch;

import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.table.Catalog;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One query run on DuckDB and on an engine over the same tables, and what differs.
 *
 * @param expected DuckDB's answer
 * @param actual the engine's answer
 * @param difference null when they match ({@link Answers#difference}), else the first difference
 */
record Comparison(Answer expected, Answer actual, String difference) {
    /** A query whose outermost statement orders its rows: its last ORDER BY is not inside parentheses. */
    private static final Pattern ORDER_BY = Pattern.compile("\\border\\s+by\\b[^()]*$", Pattern.DOTALL);

    static boolean ordered(String sql) {
        return ORDER_BY.matcher(sql.toLowerCase(Locale.ROOT)).find();
    }

    /** Runs query {@code name} ({@code sql}) on {@code duckDb} and on {@code engine} over {@code catalog}. */
    static Comparison of(String name, String sql, DuckDb duckDb, QueryEngine engine, Catalog catalog, BufferAllocator root) throws SQLException {
        Answer expected = duckDb.answer(sql);
        Answer actual = Hallows.answer(name, engine, sql, catalog, root);
        return new Comparison(expected, actual, Answers.difference(expected, actual, ordered(sql)));
    }
}
