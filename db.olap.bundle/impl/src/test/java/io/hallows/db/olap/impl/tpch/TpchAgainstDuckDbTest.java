package io.hallows.db.olap.impl.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries (the specification's text with its validation parameters, in
 * src/test/resources/tpch) at scale factor 0.1: Hallows' answer must be DuckDB's.
 */
class TpchAgainstDuckDbTest {
    static Stream<String> queries() {
        return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format(Locale.ROOT, "q%02d", i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void matchesDuckDb(String name) throws Exception {
        TpchData data = TpchData.get();
        String sql = TpchData.query(name);
        Comparison c = Comparison.of(name, sql, data.duckDb, Hallows.engine(), data.catalog, data.root);
        assertFalse(c.expected().rows().isEmpty(), name + " has no rows in DuckDB: the data or the query is wrong");
        if (c.difference() != null) {
            fail(name + " differs from DuckDB: " + c.difference());
        }
    }
}
