package io.hallows.db.olap.impl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.store.TableStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpchLoadTest {
    @TempDir
    Path dir;

    @Test
    void theEightTablesAreStoredAndTheLoadFreesWhatItBuilt() throws Exception {
        try (BufferAllocator root = new RootAllocator(1L << 30); TableStore store = TableStore.open(dir, root, p -> {})) {
            List<String> progress = new ArrayList<>();
            try (BufferAllocator load = root.newChildAllocator("load", 0, root.getLimit())) {
                long rows = TpchLoad.run(store, 0.01, load, progress::add, () -> false);
                assertTrue(rows > 80_000, "rows " + rows);
                assertEquals(0, load.getAllocatedMemory(), "the load's allocator after the load");
            }
            assertEquals(8, progress.size(), progress.toString());
            assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"),
                    store.info().stream().map(TableStore.TableInfo::name).toList());
            assertEquals(5, store.info().get(6).rows());
        }
    }
}
