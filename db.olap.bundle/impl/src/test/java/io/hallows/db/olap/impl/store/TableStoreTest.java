package io.hallows.db.olap.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.table.Table;
import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableStoreTest {
    @TempDir
    Path dir;
    final BufferAllocator allocator = new RootAllocator(256L << 20);

    @AfterEach
    void allocatorIsEmpty() {
        allocator.close();
    }

    private void put(TableStore store, String name, int rows) throws IOException {
        Table t = TableFileTest.sample(name, rows, allocator);
        try {
            store.put(t);
        } finally {
            TableFileTest.close(t);
        }
    }

    @Test
    void aQueryKeepsTheTableItStartedWithWhileItIsReplaced() throws IOException {
        try (TableStore store = TableStore.open(dir, allocator, p -> {})) {
            put(store, "t", 100);
            TableStore.Snapshot before = store.snapshot();
            put(store, "t", 300);
            try (TableStore.Snapshot after = store.snapshot()) {
                assertEquals(300, after.table("t").orElseThrow().rowCount());
                // the old table's vectors are still readable
                Table old = before.table("t").orElseThrow();
                assertEquals(100, old.rowCount());
                assertEquals(99, ((BigIntVector) old.chunks().get(0).vectors().getVector("id")).get(99));
            } finally {
                before.close();
            }
        }
    }

    @Test
    void tablesAreThereAfterReopening() throws IOException {
        try (TableStore store = TableStore.open(dir, allocator, p -> {})) {
            put(store, "a", 10);
            put(store, "b", 20);
            store.create("c", TableFileTest.COLUMNS, false);
            assertThrows(SqlException.class, () -> store.create("c", TableFileTest.COLUMNS, false));
            store.create("c", TableFileTest.COLUMNS, true);
            assertTrue(store.drop("a"));
            assertFalse(store.drop("a"));
        }
        try (TableStore store = TableStore.open(dir, allocator, p -> {}); TableStore.Snapshot s = store.snapshot()) {
            assertEquals(List.of("b", "c"), s.tables().stream().map(Table::name).sorted().toList());
            assertEquals(20, s.table("b").orElseThrow().rowCount());
            assertEquals(0, s.table("c").orElseThrow().rowCount());
        }
    }

    @Test
    void aDamagedFileTakesOnlyItsTableOffline() throws IOException {
        try (TableStore store = TableStore.open(dir, allocator, p -> {})) {
            put(store, "good", 10);
            put(store, "bad", 10);
        }
        Files.write(dir.resolve("bad.arrow"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("half.arrow.tmp"), new byte[] {1});
        List<String> problems = new ArrayList<>();
        try (TableStore store = TableStore.open(dir, allocator, problems::add); TableStore.Snapshot s = store.snapshot()) {
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("bad.arrow"), problems.get(0));
            assertEquals(10, s.table("good").orElseThrow().rowCount());
            assertTrue(s.table("bad").isEmpty());
            TableStore.TableInfo bad = store.info().get(0);
            assertEquals("bad", bad.name());
            assertNotNull(bad.problem());
            assertNull(store.info().get(1).problem());
            assertFalse(Files.exists(dir.resolve("half.arrow.tmp")));
        }
    }
}
