package io.hallows.db.olap.impl.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.CopyIn;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
    static final String CREATE = "CREATE TABLE items (id BIGINT NOT NULL, qty INTEGER, price DECIMAL(10,2), "
            + "ratio DOUBLE PRECISION, name VARCHAR(10), note TEXT, day DATE, ok BOOLEAN)";

    @TempDir
    Path dir;
    BufferAllocator root;
    TableStore store;
    ScanEngine scan = new ScanEngine();
    OlapEngine engine;
    Session session;

    @BeforeEach
    void open() throws Exception {
        root = new RootAllocator(64L << 20);
        store = TableStore.open(dir.resolve("tables").toFile().mkdirs() ? dir.resolve("tables") : dir, root, p -> {});
        engine = new OlapEngine(store, scan, root, Runnable::run, 2, 8, () -> null);
        engine.allowCopyFrom(dir);
        session = engine.open("test", Map.of());
    }

    @AfterEach
    void close() {
        session.close();
        store.close();
        root.close(); // fails when something leaked
    }

    Result run(String sql) throws Exception {
        QueryOutcome o = session.query(sql).get();
        if (o.error() != null) {
            throw o.error();
        }
        return o.results().get(o.results().size() - 1);
    }

    SqlException fails(String sql) throws Exception {
        QueryOutcome o = session.query(sql).get();
        assertNotNull(o.error(), sql + " should fail");
        return o.error();
    }

    Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void copyLoadsACsvFileAndQueriesReturnJavaValues() throws Exception {
        run(CREATE);
        Path file = csv("good.csv", """
                id,qty,price,ratio,name,note,day,ok
                1,10,12.345,0.5,"a, b",,1998-09-02,true
                2,,-3,1e3,"say ""hi\""","two
                lines",2000-01-01,f
                3,7,0.1,,"",x,1970-01-01,
                """);
        assertEquals("COPY 3", run("COPY items FROM '" + file + "' WITH (FORMAT csv, HEADER true)").commandTag());
        Result r = run("select * from items");
        assertEquals("SELECT 3", r.commandTag());
        assertEquals(new Column("price", SqlType.NUMERIC, ((10 << 16) | 2) + 4), r.columns().get(2));
        assertEquals(new Column("name", SqlType.VARCHAR, 14), r.columns().get(4));
        assertEquals(SqlType.TEXT, r.columns().get(5).type());
        assertArrayEquals(new Object[] {1L, 10, new BigDecimal("12.35"), 0.5, "a, b", null, LocalDate.of(1998, 9, 2), true}, r.rows().get(0));
        assertArrayEquals(new Object[] {2L, null, new BigDecimal("-3.00"), 1000.0, "say \"hi\"", "two\nlines", LocalDate.of(2000, 1, 1), false},
                r.rows().get(1));
        assertArrayEquals(new Object[] {3L, 7, new BigDecimal("0.10"), null, "", "x", LocalDate.of(1970, 1, 1), null}, r.rows().get(2));
        // a second COPY appends, and the table survives reopening
        assertEquals("COPY 1", run("COPY items (id, name) FROM '" + csv("more.csv", "4|four\n") + "' (FORMAT csv, DELIMITER '|')").commandTag());
        session.close();
        store.close();
        store = TableStore.open(store.directory(), root, p -> {});
        engine = new OlapEngine(store, scan, root, Runnable::run, 2, 8, () -> null);
        engine.allowCopyFrom(dir);
        session = engine.open("test", Map.of());
        Result again = run("select * from items");
        assertEquals(4, again.rows().size());
        assertEquals("four", again.rows().get(3)[4]);
        assertNull(again.rows().get(3)[1]);
    }

    @Test
    void aBadRowLoadsNothingAndNamesItsLineAndColumn() throws Exception {
        run(CREATE);
        run("COPY items FROM '" + csv("first.csv", "1,1,1,1,a,b,2001-01-01,t\n") + "' (FORMAT csv)");
        long held = root.getAllocatedMemory(); // the mapped table's validity bitmaps
        Path bad = csv("bad.csv", "2,2,2,2,a,b,2001-01-01,t\n3,three,3,3,a,b,2001-01-01,t\n");
        SqlException e = fails("COPY items FROM '" + bad + "' (FORMAT csv)");
        assertEquals("22P02", e.sqlState());
        assertTrue(e.getMessage().contains("\"three\""), e.getMessage());
        assertEquals("COPY items, line 2, column qty", e.detail());
        e = fails("COPY items FROM '" + csv("long.csv", "5,5,5,5,elevenchars,b,2001-01-01,t\n") + "' (FORMAT csv)");
        assertEquals("22001", e.sqlState());
        e = fails("COPY items FROM '" + csv("null.csv", ",5,5,5,a,b,2001-01-01,t\n") + "' (FORMAT csv)");
        assertEquals("23502", e.sqlState());
        e = fails("COPY items FROM '" + csv("short.csv", "5,5\n") + "' (FORMAT csv)");
        assertEquals("22P04", e.sqlState());
        assertEquals(1, run("select * from items").rows().size());
        assertEquals(held, root.getAllocatedMemory(), "a failed load must free what it built");
    }

    @Test
    void aLoadOverTheMemoryLimitFailsWithItsSqlStateAndFreesItsMemory() throws Exception {
        run("CREATE TABLE wide (s TEXT)");
        long before = root.getAllocatedMemory();
        StringBuilder big = new StringBuilder();
        String value = "x".repeat(1000);
        for (int i = 0; i < 80_000; i++) { // 80 MB of text against a 64 MB limit
            big.append(value).append('\n');
        }
        SqlException e = fails("COPY wide FROM '" + csv("big.csv", big.toString()) + "' (FORMAT csv)");
        assertEquals("53200", e.sqlState());
        assertEquals(before, root.getAllocatedMemory());
        assertEquals("SELECT 0", run("select * from wide").commandTag());
    }

    @Test
    void copyFromStdinTakesCsvInChunksSplitAnywhere() throws Exception {
        run("CREATE TABLE kv (k INTEGER NOT NULL, v TEXT)");
        QueryOutcome o = session.query("COPY kv FROM STDIN WITH (FORMAT csv); select * from kv").get();
        assertNull(o.error());
        assertEquals(1, o.results().size(), "the COPY ends the query text");
        CopyIn in = o.results().get(0).copyIn();
        assertEquals(List.of(Column.of("k", SqlType.INT4), Column.of("v", SqlType.TEXT)), in.columns());
        assertEquals("08P01", fails("select * from kv").sqlState());
        in.write(ByteBuffer.wrap("1,one\n2,\"t".getBytes(StandardCharsets.UTF_8))).get();
        in.write(ByteBuffer.wrap("wo\"\n3,\n".getBytes(StandardCharsets.UTF_8))).get();
        assertEquals("COPY 3", in.finish().get().commandTag());
        Result r = run("select * from kv");
        assertArrayEquals(new Object[] {2, "two"}, r.rows().get(1));
        assertArrayEquals(new Object[] {3, null}, r.rows().get(2));

        CopyIn bad = run("COPY kv (k) FROM STDIN (FORMAT csv)").copyIn();
        bad.write(ByteBuffer.wrap("4\nfour\n".getBytes(StandardCharsets.UTF_8))).get();
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.finish().get());
        assertEquals("COPY kv, line 2, column k", ((SqlException) e.getCause()).detail());
        assertEquals("SELECT 3", run("select * from kv").commandTag());
        CopyIn abandoned = run("COPY kv FROM STDIN (FORMAT csv)").copyIn();
        abandoned.write(ByteBuffer.wrap("5,five\n".getBytes(StandardCharsets.UTF_8))).get();
        abandoned.fail("client gave up").get();
        assertEquals("SELECT 3", run("select * from kv").commandTag());
    }

    @Test
    void statementsAroundQueries() throws Exception {
        run(CREATE);
        assertEquals("BEGIN", run("BEGIN").commandTag());
        assertEquals("SET", run("SET extra_float_digits = 3").commandTag());
        assertEquals("3", run("SHOW extra_float_digits").rows().get(0)[0]);
        assertEquals("SET", run("SET application_name = 'PostgreSQL JDBC Driver'").commandTag());
        assertEquals(Map.of("application_name", "PostgreSQL JDBC Driver"), session.takeParameterChanges());
        assertEquals("COMMIT", run("COMMIT").commandTag());
        Result plan = run("EXPLAIN ANALYZE select * from items");
        assertEquals(OlapSession.PLAN_COLUMNS, plan.columns());
        assertEquals("Scan (rows=?)", plan.rows().get(0)[0]);
        assertEquals("0A000", fails("UPDATE items SET qty = 1").sqlState());
        assertEquals("42P07", fails(CREATE).sqlState());
        assertEquals("42P01", fails("COPY nope FROM '/x' (FORMAT csv)").sqlState());
        // a statement failing mid-query stops the rest and points into the whole text
        SqlException e = fails("select * from items; CREATE TABLE t (x decimal(40,2))");
        assertEquals("0A000", e.sqlState());
        assertEquals("DROP TABLE", run("DROP TABLE items").commandTag());
        assertEquals("42P01", fails("DROP TABLE items").sqlState());
        assertEquals("DROP TABLE", run("DROP TABLE IF EXISTS items").commandTag());
        // each query ran in a child of the root allocator, with the root's limit
        assertEquals(root.getLimit(), scan.lastContext.allocator().getLimit());
        assertEquals(2, scan.lastContext.parallelism());
    }

    @Test
    void aPreparedQueryKnowsItsColumnsBeforeItRuns() throws Exception {
        run(CREATE);
        run("COPY items (id) FROM '" + csv("ids.csv", "1\n2\n") + "' (FORMAT csv)");
        Prepared p = session.prepare("select * from items", List.of()).get();
        assertEquals(8, p.columns().size());
        assertEquals("SELECT 2", p.execute().get().commandTag());
        assertEquals("SELECT 2", p.execute().get().commandTag());
        Prepared ddl = session.prepare("CREATE TABLE other (x INT)", List.of()).get();
        assertTrue(ddl.columns().isEmpty());
        assertEquals("CREATE TABLE", ddl.execute().get().commandTag());
    }

    @Test
    void parametersAreBoundAsLiterals() {
        assertEquals("select * from t where a = 'it''s' and b = 3 and c = DATE '2000-01-02' and d = '$1'",
                SqlText.bind("select * from t where a = $1 and b = $2 and c = $3 and d = '$1'",
                        new Object[] {"it's", 3, LocalDate.of(2000, 1, 2)}));
        assertEquals(List.of(new SqlText.Piece("select ';'", 0), new SqlText.Piece(" select 2 -- ;\n", 11)),
                SqlText.split("select ';'; select 2 -- ;\n"));
    }

    @Test
    void copyReadsServerFilesOnlyUnderTheAllowedFolder() throws Exception {
        run("CREATE TABLE secrets (line TEXT)");
        java.nio.file.Path elsewhere = java.nio.file.Files.createTempFile("not-for-copy", ".csv");
        SqlException outside;
        try {
            java.nio.file.Files.writeString(elsewhere, "secret\n");
            outside = fails("COPY secrets FROM '" + elsewhere.toAbsolutePath() + "' (FORMAT csv)");
        } finally {
            java.nio.file.Files.delete(elsewhere);
        }
        assertEquals("42501", outside.sqlState(), outside.getMessage());
        SqlException escape = fails("COPY secrets FROM '../escape.csv' (FORMAT csv)");
        assertTrue(java.util.Set.of("42501", "58P01").contains(escape.sqlState()), escape.getMessage());
        engine.allowCopyFrom(null);
        SqlException off = fails("COPY secrets FROM '" + csv("in.csv", "x\n") + "' (FORMAT csv)");
        assertEquals("42501", off.sqlState());
        assertTrue(off.getMessage().contains("STDIN"), off.getMessage());
    }
}
