package io.hallows.db.oltp.impl.store;

import static io.hallows.db.oltp.impl.store.Fixtures.col;
import static io.hallows.db.oltp.impl.store.Fixtures.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redo and checkpoint records: every type round-trips, and a store rebuilt from them has the same contents. */
class RedoTest {
    private static final List<ColumnDef> ALL_TYPES = List.of(
            new ColumnDef("id", SqlType.INT8, -1, -1, true), col("b", SqlType.BOOL), col("s", SqlType.INT2),
            col("i", SqlType.INT4), col("f", SqlType.FLOAT4), col("d", SqlType.FLOAT8),
            new ColumnDef("n", SqlType.NUMERIC, 12, 4, false), col("t", SqlType.TEXT),
            new ColumnDef("v", SqlType.VARCHAR, 10, -1, false), new ColumnDef("c", SqlType.BPCHAR, 5, -1, false),
            col("dt", SqlType.DATE), col("ts", SqlType.TIMESTAMP), col("tz", SqlType.TIMESTAMPTZ), col("by", SqlType.BYTEA));

    private static Object[] full(long id) {
        return new Object[] {id, true, (short) -7, Integer.MIN_VALUE, 1.5f, -0.0d, new BigDecimal("-12345678.1234"),
                "héllo ☃ " + id, "varchar", "ab   ", LocalDate.of(1999, 12, 31), LocalDateTime.of(2026, 12, 3, 14, 0, 1, 999_999_000),
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 5, ZoneOffset.ofHoursMinutes(-3, -30)), new byte[] {0, -1, 127, -128}};
    }

    private static Object[] nulls(long id) {
        Object[] r = new Object[ALL_TYPES.size()];
        r[0] = id;
        return r;
    }

    @Test
    void everyRecordKindRoundTrips() {
        TableDef def = new TableDef("all", ALL_TYPES, List.of(0));
        for (Redo r : List.of(new Redo.CreateTable(def), new Redo.DropTable("all"),
                new Redo.CreateIndex(new IndexDef("all_t", "all", List.of(7, 3), true)),
                new Redo.AddPrimaryKey("all", List.of(0, 2)), new Redo.AddColumn("all", new ColumnDef("x", SqlType.VARCHAR, 8, -1, true)),
                new Redo.DropColumn("all", "t"))) {
            assertEquals(r, Redo.decode(Redo.encode(r)));
        }
        Redo.Rows rows = (Redo.Rows) Redo.decode(Redo.encode(new Redo.Rows("all", List.of(new Object[] {1L}, new Object[] {2L}),
                List.of(full(1), nulls(2)))));
        assertTrue(Arrays.deepEquals(full(1), rows.rows().get(0)));
        assertTrue(Arrays.deepEquals(nulls(2), rows.rows().get(1)));
        assertArrayEquals(new Object[] {2L}, rows.keys().get(1));
    }

    @Test
    void aDamagedRecordIsRefused() {
        byte[] good = Redo.encode(new Redo.DropTable("accounts"));
        assertThrows(IllegalArgumentException.class, () -> Redo.decode(Arrays.copyOf(good, good.length - 2)));
        byte[] future = good.clone();
        future[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> Redo.decode(future));
        assertThrows(IllegalArgumentException.class, () -> Redo.decode(Arrays.copyOf(good, good.length + 1)));
    }

    @Test
    void replayingTheLogRebuildsTheStore() {
        MemoryLog log = new MemoryLog();
        MvccStore a = new MvccStore(log, 1L << 30);
        populate(a);
        MvccStore b = new MvccStore(new MemoryLog(), 1L << 30);
        log.after(0).forEach(b::redo);
        assertSameContents(a, b);
        assertHiddenIdsContinue(b);
    }

    @Test
    void aCheckpointAndTheLogAfterItRebuildTheStore() {
        MemoryLog log = new MemoryLog();
        MvccStore a = new MvccStore(log, 1L << 30);
        populate(a);
        Txn open = a.begin(Isolation.READ_COMMITTED);
        open.startStatement();
        open.insert(a.table("all").orElseThrow(), full(99));
        List<byte[]> checkpoint = new ArrayList<>();
        long position = a.snapshot(checkpoint::add);
        assertEquals(log.position(), position);
        open.commit(true).join();
        Fixtures.join(a.createIndex(new IndexDef("plain_k", "plain", List.of(1), false), false));
        Txn later = a.begin(Isolation.READ_COMMITTED);
        later.startStatement();
        later.delete(a.table("all").orElseThrow(), later.get(a.table("all").orElseThrow(), new Object[] {1L}), v -> true);
        later.commit(true).join();

        MvccStore b = new MvccStore(new MemoryLog(), 1L << 30);
        checkpoint.forEach(b::loadSnapshotRecord);
        log.after(position).forEach(b::redo);
        assertSameContents(a, b);
        assertEquals(List.of("plain_k"), b.table("plain").orElseThrow().indexes().stream().map(IndexDef::name).toList());
        assertHiddenIdsContinue(b);
    }

    @Test
    void aBigTransactionIsLoggedInPartsAndAppliedOnlyWhole() {
        MemoryLog log = new MemoryLog();
        MvccStore a = new MvccStore(log, 1L << 30);
        Table t = Fixtures.intTable(a, "test");
        long start = log.position();
        Object[][] rows = new Object[200_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i, i};
        }
        Fixtures.insertCommitted(a, t, rows);
        List<byte[]> records = log.after(start);
        assertTrue(records.size() > 1, "parts: " + records.size());
        assertTrue(records.stream().allMatch(r -> r.length <= Redo.PART_BYTES + 64));

        MvccStore b = new MvccStore(new MemoryLog(), 1L << 30);
        log.after(0).subList(0, (int) start).forEach(b::redo);
        records.subList(0, records.size() - 1).forEach(b::redo);
        assertEquals(0, Fixtures.contents(b, b.table("test").orElseThrow()).size(), "a transaction cut short is not applied");
        Fixtures.insertCommitted(a, t, new Object[] {-1, -1});
        log.after(start + records.size()).forEach(b::redo);
        assertEquals(Map.of(-1, -1), Fixtures.contents(b, b.table("test").orElseThrow()));

        MvccStore c = new MvccStore(new MemoryLog(), 1L << 30);
        log.after(0).forEach(c::redo);
        assertSameContents(a, c);
        assertTrue(c.begin(Isolation.READ_COMMITTED).id() > a.stats().commits(), "ids continue after those in the log");
    }

    /** A restarted store appends after the cut-off parts; its own transactions do not continue them. */
    @Test
    void partsCutOffBeforeARestartAreNeverGluedToANewTransaction() {
        MemoryLog log = new MemoryLog();
        MvccStore a = new MvccStore(log, 1L << 30);
        Table t = Fixtures.intTable(a, "test");
        Object[][] rows = new Object[100_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i, i};
        }
        long start = log.position();
        Fixtures.insertCommitted(a, t, rows);
        List<byte[]> cut = new ArrayList<>(log.after(0).subList(0, (int) log.position() - 1));
        assertTrue(cut.size() > start, "the big transaction has parts");

        MemoryLog restarted = new MemoryLog();
        MvccStore b = new MvccStore(restarted, 1L << 30);
        cut.forEach(b::redo);
        Fixtures.insertCommitted(b, b.table("test").orElseThrow(), new Object[] {-1, -1});
        MvccStore c = new MvccStore(new MemoryLog(), 1L << 30);
        cut.forEach(c::redo);
        restarted.after(0).forEach(c::redo);
        Map<Integer, Integer> recovered = Fixtures.contents(c, c.table("test").orElseThrow());
        assertEquals(1, recovered.size(), "the cut-off transaction's rows are not applied");
        assertEquals(Map.of(-1, -1), recovered);
    }

    /** The checkpoint's position and rows are taken together: commits go on meanwhile, and nothing is lost or applied twice. */
    @Test
    void aCheckpointTakenWhileWritersCommitIsConsistentWithTheLogAfterIt() throws Exception {
        MemoryLog log = new MemoryLog();
        MvccStore a = new MvccStore(log, 1L << 30);
        Table t = Fixtures.intTable(a, "test");
        Object[][] rows = new Object[1000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i, 0};
        }
        Fixtures.insertCommitted(a, t, rows);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int n = 0; running.get(); n++) {
                int id = n % 1000;
                int value = n;
                Txn w = a.begin(Isolation.READ_COMMITTED);
                w.startStatement();
                w.update(t, w.get(t, new Object[] {id}), v -> true, v -> new Object[] {v[0], value});
                w.startStatement();
                w.insert(t, new Object[] {1000 + n, n});
                w.commit(true).join();
            }
        });
        writer.start();
        List<byte[]> checkpoint = new ArrayList<>();
        long position;
        try {
            while (log.position() < 200) {
                Thread.onSpinWait();
            }
            position = a.snapshot(checkpoint::add);
            while (log.position() < position + 200) {
                Thread.onSpinWait();
            }
        } finally {
            running.set(false);
            writer.join();
        }
        MvccStore b = new MvccStore(new MemoryLog(), 1L << 30);
        checkpoint.forEach(b::loadSnapshotRecord);
        log.after(position).forEach(b::redo);
        assertSameContents(a, b);
    }

    @Test
    void aLogThatRefusesACommitLeavesNothingBehind() {
        MemoryLog log = new MemoryLog();
        MvccStore s = new MvccStore(log, 1L << 30);
        Table t = Fixtures.intTable(s, "test");
        Txn txn = s.begin(Isolation.READ_COMMITTED);
        txn.startStatement();
        txn.insert(t, new Object[] {1, 10});
        log.failing(true);
        fails("58030", () -> txn.commit(true));
        fails("58030", () -> s.createTable(new TableDef("other", List.of(col("x", SqlType.INT4)), List.of()), false));
        log.failing(false);
        assertFalse(txn.active());
        assertTrue(s.table("other").isEmpty());
        assertEquals(1, s.stats().rollbacks());
        assertEquals(0, s.stats().commits());
        assertEquals(0, Fixtures.contents(s, t).size());
    }

    /** Two tables (one with all types, one without a primary key), updates, deletes, DDL. */
    private static void populate(MvccStore s) {
        Fixtures.join(s.createTable(new TableDef("all", ALL_TYPES, List.of(0)), false));
        Fixtures.join(s.createTable(new TableDef("plain", List.of(col("a", SqlType.TEXT), col("k", SqlType.INT4)), List.of()), false));
        Fixtures.join(s.createTable(new TableDef("gone", List.of(col("x", SqlType.INT4)), List.of()), false));
        Table all = s.table("all").orElseThrow();
        Table plain = s.table("plain").orElseThrow();
        Fixtures.insertCommitted(s, all, full(1), full(2), nulls(3), full(4));
        Fixtures.insertCommitted(s, plain, new Object[] {"x", 1}, new Object[] {null, 2}, new Object[] {"x", 3});
        Txn t = s.begin(Isolation.REPEATABLE_READ);
        t.startStatement();
        t.update(all, t.get(all, new Object[] {2L}), v -> true, v -> {
            Object[] n = v.clone();
            n[7] = "updated";
            return n;
        });
        t.delete(all, t.get(all, new Object[] {4L}), v -> true);
        t.update(all, t.get(all, new Object[] {3L}), v -> true, v -> {
            Object[] n = v.clone();
            n[0] = 30L;
            return n;
        });
        t.commit(true).join();
        Fixtures.join(s.dropTable("gone", false));
        Fixtures.join(s.createIndex(new IndexDef("all_t", "all", List.of(7), false), false));
    }

    private static void assertSameContents(Store a, Store b) {
        assertEquals(names(a), names(b));
        for (Table t : a.tables()) {
            Table u = b.table(t.def().name()).orElseThrow();
            assertEquals(t.def(), u.def());
            List<Object[]> x = sorted(a, t);
            List<Object[]> y = sorted(b, u);
            assertEquals(x.size(), y.size(), t.def().name());
            for (int i = 0; i < x.size(); i++) {
                assertTrue(Arrays.deepEquals(x.get(i), y.get(i)), Arrays.deepToString(x.get(i)) + " vs " + Arrays.deepToString(y.get(i)));
            }
            assertEquals(t.approximateRows(), u.approximateRows());
        }
    }

    private static List<String> names(Store s) {
        return s.tables().stream().map(t -> t.def().name()).sorted().toList();
    }

    private static List<Object[]> sorted(Store s, Table t) {
        Txn txn = s.begin(Isolation.REPEATABLE_READ);
        txn.startStatement();
        List<Object[]> rows = new ArrayList<>(Fixtures.rows(txn.scan(t)));
        txn.rollback();
        rows.sort(Comparator.comparing(Arrays::deepToString));
        return rows;
    }

    /** New rows of a table without a primary key get fresh hidden ids after recovery. */
    private static void assertHiddenIdsContinue(MvccStore b) {
        Table plain = b.table("plain").orElseThrow();
        long before = plain.approximateRows();
        Fixtures.insertCommitted(b, plain, new Object[] {"new", 9});
        assertEquals(before + 1, sorted(b, plain).size());
    }
}
