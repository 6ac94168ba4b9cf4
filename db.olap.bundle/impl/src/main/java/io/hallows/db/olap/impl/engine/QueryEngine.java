package io.hallows.db.olap.impl.engine;

import io.hallows.db.olap.impl.table.Catalog;

/**
 * Plans SQL with Apache Calcite over a catalog and runs it with vectorized operators.
 * Thread-safe: queries run concurrently, each with its own context.
 */
public interface QueryEngine {
    /**
     * Parses, validates, optimizes and starts one query (SELECT, WITH, VALUES).
     *
     * @throws io.hallows.sql.api.SqlException for a bad statement: SQLSTATE ({@code 42601} syntax,
     *     {@code 42P01} unknown table, {@code 42703} unknown column, {@code 0A000} not supported…)
     *     and the position, as PostgreSQL gives them
     */
    QueryResult execute(String sql, Catalog catalog, QueryContext context);

    /**
     * The physical plan of {@code sql}, one operator per line, indented by depth. With
     * {@code analyze} the query is run and each line also shows its rows out and time.
     */
    String explain(String sql, Catalog catalog, QueryContext context, boolean analyze);
}
