package io.hallows.db.olap.impl.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.Table;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness against itself, independent of the engine: the data in DuckDB is the generator's,
 * every query runs in DuckDB with rows, and an answer that went through Arrow batches and
 * {@link Hallows#read} compares equal to DuckDB's own.
 */
class HarnessTest {
    @Test
    void duckDbHoldsTheGeneratedRows() throws Exception {
        TpchData data = TpchData.get();
        for (Table t : data.catalog.tables()) {
            Answer count = data.duckDb.answer("select count(*) from " + t.name());
            assertEquals(t.rowCount(), count.rows().get(0).get(0), t.name());
        }
        Answer sums = data.duckDb.answer("select sum(l_extendedprice), sum(l_quantity), min(l_shipdate), max(l_shipdate) from lineitem");
        long price = 0;
        long quantity = 0;
        Table lineitem = data.catalog.table("lineitem").orElseThrow();
        int priceColumn = columnIndex(lineitem, "l_extendedprice");
        int quantityColumn = columnIndex(lineitem, "l_quantity");
        for (Chunk chunk : lineitem.chunks()) {
            for (int r = 0; r < chunk.rowCount(); r++) {
                price += ((BigIntVector) chunk.vectors().getVector(priceColumn)).get(r);
                quantity += ((BigIntVector) chunk.vectors().getVector(quantityColumn)).get(r);
            }
        }
        assertEquals(0, new BigDecimal(price).movePointLeft(2).compareTo((BigDecimal) sums.rows().get(0).get(0)));
        assertEquals(0, new BigDecimal(quantity).movePointLeft(2).compareTo((BigDecimal) sums.rows().get(0).get(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.hallows.db.olap.impl.tpch.TpchAgainstDuckDbTest#queries")
    void everyQueryRoundTripsThroughArrow(String name) throws Exception {
        TpchData data = TpchData.get();
        String sql = TpchData.query(name);
        Comparison c = Comparison.of(name, sql, data.duckDb, new DuckDbAsEngine(data.duckDb), data.catalog, data.root);
        assertFalse(c.expected().rows().isEmpty(), name + " has no rows");
        assertNull(c.difference(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.hallows.db.olap.impl.tpch.NullsAndEmptyAgainstDuckDbTest#cases")
    void everySmallQueryRoundTripsThroughArrow(String name, String sql) throws Exception {
        SmallTables data = SmallTables.get();
        assertNull(Comparison.of(name, sql, data.duckDb, new DuckDbAsEngine(data.duckDb), data.catalog, data.root).difference(), name);
    }

    @Test
    void findsTheOrderedQueries() {
        List<String> unordered = TpchAgainstDuckDbTest.queries().filter(q -> !Comparison.ordered(TpchData.query(q))).toList();
        assertEquals(List.of("q06", "q14", "q17", "q19"), unordered);
        assertTrue(Comparison.ordered("select a from (select a from t order by a) x order by a"));
        assertFalse(Comparison.ordered("select a from (select a from t order by a limit 3) x"));
    }

    private static int columnIndex(Table t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
