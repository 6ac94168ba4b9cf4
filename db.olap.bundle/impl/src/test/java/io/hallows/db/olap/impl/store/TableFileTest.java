package io.hallows.db.olap.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFileTest {
    static final List<ColumnDef> COLUMNS = List.of(
            new ColumnDef("id", ColumnKind.BIGINT, 0, 0, false),
            new ColumnDef("n", ColumnKind.INT, 0, 0, true),
            new ColumnDef("price", ColumnKind.DECIMAL, 15, 2, false),
            new ColumnDef("ratio", ColumnKind.DOUBLE, 0, 0, true),
            new ColumnDef("name", ColumnKind.VARCHAR, 25, 0, true),
            new ColumnDef("day", ColumnKind.DATE, 0, 0, false),
            new ColumnDef("flag", ColumnKind.BOOLEAN, 0, 0, true));

    @TempDir
    Path dir;
    final BufferAllocator allocator = new RootAllocator(256L << 20);

    @AfterEach
    void allocatorIsEmpty() {
        allocator.close(); // fails when a test leaks a buffer
    }

    /** Rows: one chunk and a bit, so that files hold more than one record batch. */
    static Table sample(String name, int rows, BufferAllocator allocator) {
        try (TableBuilder b = new TableBuilder(name, COLUMNS, allocator)) {
            for (int i = 0; i < rows; i++) {
                b.setLong(0, i);
                if (i % 7 == 0) {
                    b.setNull(1);
                } else {
                    b.setLong(1, i * 3);
                }
                b.setLong(2, i * 101L);
                b.setDouble(3, i / 4.0);
                if (i % 5 == 0) {
                    b.setNull(4);
                } else {
                    b.setString(4, "name-" + i + "-é");
                }
                b.setLong(5, 9000 + i % 400);
                b.setBoolean(6, i % 2 == 0);
                b.endRow();
            }
            return b.build();
        }
    }

    static void close(Table t) {
        t.chunks().forEach(c -> c.vectors().close());
    }

    @Test
    void aTableWrittenAndMappedReadsBackEqual() throws IOException {
        Table written = sample("t", Chunk.MAX_ROWS + 1000, allocator);
        Path file = TableFile.write(written, dir, allocator);
        assertEquals(dir.resolve("t.arrow"), file);
        assertFalse(Files.exists(dir.resolve("t.arrow.tmp")));
        long before = allocator.getAllocatedMemory();
        Table read = TableFile.read(file, allocator);
        try {
            assertEquals("t", read.name());
            assertEquals(written.columns(), read.columns());
            assertEquals(2, read.chunks().size());
            assertEquals(written.rowCount(), read.rowCount());
            for (int c = 0; c < written.chunks().size(); c++) {
                VectorSchemaRoot a = written.chunks().get(c).vectors();
                VectorSchemaRoot b = read.chunks().get(c).vectors();
                assertTrue(a.equals(b), "chunk " + c + " differs");
                assertEquals(written.chunks().get(c).stats(), read.chunks().get(c).stats());
            }
            // Mapped, not copied: only the validity bitmaps of columns without nulls come from the allocator.
            long bitmaps = allocator.getAllocatedMemory() - before;
            assertTrue(bitmaps < 8L * written.rowCount() / 8 + 64 * 1024, "read allocated " + bitmaps + " bytes");
        } finally {
            close(read);
            close(written);
        }
    }

    @Test
    void anEmptyTableKeepsItsColumns() throws IOException {
        Table empty = new Table("e", COLUMNS, List.of());
        Table read = TableFile.read(TableFile.write(empty, dir, allocator), allocator);
        assertEquals(COLUMNS, read.columns());
        assertEquals(0, read.rowCount());
    }

    @Test
    void aDamagedFileIsRefusedWithItsName() throws IOException {
        Table written = sample("broken", 5000, allocator);
        Path file = TableFile.write(written, dir, allocator);
        close(written);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated: no footer
        IOException e = assertThrows(IOException.class, () -> TableFile.read(file, allocator));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

        Files.write(file, "not an arrow file at all".getBytes());
        e = assertThrows(IOException.class, () -> TableFile.read(file, allocator));
        assertTrue(e.getMessage().contains("broken.arrow"), e.getMessage());
    }
}
