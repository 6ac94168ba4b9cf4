package io.hallows.db.olap.impl.tpch;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NULL semantics in filters, joins and aggregates, and empty inputs, on the tables of
 * {@link SmallTables}: Hallows' answer must be DuckDB's.
 */
class NullsAndEmptyAgainstDuckDbTest {
    static Stream<Arguments> cases() {
        return SmallTables.queries().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesDuckDb(String name, String sql) throws Exception {
        SmallTables data = SmallTables.get();
        Comparison c = Comparison.of(name, sql, data.duckDb, Hallows.engine(), data.catalog, data.root);
        if (c.difference() != null) {
            fail(name + " (" + sql + ") differs from DuckDB: " + c.difference());
        }
    }
}
