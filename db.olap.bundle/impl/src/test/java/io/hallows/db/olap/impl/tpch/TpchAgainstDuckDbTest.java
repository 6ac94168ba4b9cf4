package io.hallows.db.olap.impl.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries (the specification's text with its validation parameters, in
 * src/test/resources/tpch) at scale factor 0.1: Hallows' answer must be DuckDB's.
 */
class TpchAgainstDuckDbTest {
    /** A query whose outermost statement orders its rows: its last ORDER BY is not inside parentheses. */
    private static final Pattern ORDER_BY = Pattern.compile("\\border\\s+by\\b[^()]*$", Pattern.DOTALL);

    static Stream<String> queries() {
        return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format(Locale.ROOT, "q%02d", i));
    }

    static boolean ordered(String sql) {
        return ORDER_BY.matcher(sql.toLowerCase(Locale.ROOT)).find();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void matchesDuckDb(String name) throws Exception {
        TpchData data = TpchData.get();
        String sql = TpchData.query(name);
        Answer expected = data.duckDb.answer(sql);
        assertFalse(expected.rows().isEmpty(), name + " has no rows in DuckDB: the data or the query is wrong");
        Answer actual = Hallows.answer(name, Hallows.engine(), sql, data.catalog, data.root);
        String diff = Answers.difference(expected, actual, ordered(sql));
        if (diff != null) {
            fail(name + " differs from DuckDB: " + diff);
        }
    }
}
