package io.hallows.db.olap.impl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

class TpchLoaderTest {
    @Test
    void generatesTheSpecificationsRowCountsAndTypes() {
        try (BufferAllocator root = new RootAllocator()) {
            Table nation = TpchLoader.generate("nation", 0.01, root, n -> {});
            Table orders = TpchLoader.generate("orders", 0.01, root, n -> {});
            try {
                assertEquals(25, nation.rowCount());
                assertEquals(15_000, orders.rowCount());
                assertEquals("o_totalprice", orders.columns().get(3).name());
                assertEquals(ColumnKind.DECIMAL, orders.columns().get(3).kind());
                assertEquals(ColumnKind.DATE, orders.columns().get(4).kind());
                long minKey = (Long) orders.chunks().get(0).stats().get(0).min();
                assertEquals(1, minKey);
                assertEquals(1, ((BigIntVector) orders.chunks().get(0).vectors().getVector(0)).get(0));
            } finally {
                nation.chunks().forEach(c -> c.vectors().close());
                orders.chunks().forEach(c -> c.vectors().close());
            }
            assertEquals(0, root.getAllocatedMemory());
        }
    }
}
