package io.hallows.db.olap.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.sql.api.SqlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API: a query's batches as an ArrowReader that owns the query's memory until closed. */
class EmbeddedQueryTest {
    @TempDir
    Path dir;

    @Test
    void aQueryIsReadAsArrowBatchesAndClosingFreesItsMemory() throws Exception {
        try (BufferAllocator root = new RootAllocator(64L << 20); TableStore store = TableStore.open(dir, root, p -> {})) {
            OlapEngine engine = new OlapEngine(store, new ScanEngine(), root, Runnable::run, 2, 8, () -> null);
            engine.allowCopyFrom(dir);
            var session = engine.open("test", Map.of());
            session.query("CREATE TABLE t (id BIGINT, name TEXT); COPY t FROM '"
                    + java.nio.file.Files.writeString(dir.resolve("t.csv"), "1,a\n2,b\n3,\n") + "' (FORMAT csv)").get();
            assertEquals(List.of("t"), engine.tables());
            long held = root.getAllocatedMemory();
            long rows = 0;
            long sum = 0;
            try (ArrowReader r = engine.query("select * from t;")) {
                assertEquals("id", r.getVectorSchemaRoot().getSchema().getFields().get(0).getName());
                while (r.loadNextBatch()) {
                    BigIntVector ids = (BigIntVector) r.getVectorSchemaRoot().getVector("id");
                    for (int i = 0; i < r.getVectorSchemaRoot().getRowCount(); i++) {
                        sum += ids.get(i);
                    }
                    rows += r.getVectorSchemaRoot().getRowCount();
                }
                assertFalse(r.loadNextBatch());
            }
            assertEquals(3, rows);
            assertEquals(6, sum);
            assertEquals(held, root.getAllocatedMemory(), "the reader freed its query's memory");
            assertTrue(root.getChildAllocators().isEmpty());
            SqlException e = assertThrows(SqlException.class, () -> engine.query("select * from nope"));
            assertEquals("42P01", e.sqlState());
            assertTrue(root.getChildAllocators().isEmpty());
            session.close();
        }
    }
}
