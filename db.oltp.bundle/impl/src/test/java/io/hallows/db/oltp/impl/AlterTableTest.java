package io.hallows.db.oltp.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE … ADD COLUMN / DROP COLUMN on the real database, and both after a restart (log and checkpoint). */
class AlterTableTest {
    @TempDir
    Path dir;
    private TestDatabases.Open db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void restart() throws Exception {
        db.close();
        db = TestDatabases.open(dir);
    }

    private Result ok(String sql) {
        try (Session s = db.database().open("test", Map.of())) {
            QueryOutcome o = s.query(sql).join();
            assertNull(o.error(), () -> sql + ": " + o.error().getMessage());
            return o.results().getLast();
        }
    }

    private String fails(String sql) {
        try (Session s = db.database().open("test", Map.of())) {
            SqlException e = s.query(sql).join().error();
            assertNotNull(e, "expected " + sql + " to fail");
            return e.sqlState();
        }
    }

    private List<String> columns(String table) {
        return ok("SELECT * FROM " + table).columns().stream().map(Column::name).toList();
    }

    private List<List<Object>> rows(String sql) {
        List<List<Object>> out = new ArrayList<>();
        ok(sql).rows().forEach(r -> out.add(Arrays.asList(r)));
        return out;
    }

    @Test
    void addsAndDropsColumnsKeepingTheRows() {
        ok("CREATE TABLE fruit (id BIGINT PRIMARY KEY, name TEXT NOT NULL, price BIGINT)");
        ok("INSERT INTO fruit VALUES (1, 'apple', 120), (2, 'pear', 90)");
        ok("CREATE INDEX fruit_price ON fruit (price)");

        assertEquals("ALTER TABLE", ok("ALTER TABLE fruit ADD COLUMN note TEXT").commandTag());
        assertEquals(List.of("id", "name", "price", "note"), columns("fruit"));
        assertEquals(List.of(List.of(1L, "apple", 120L), List.of(2L, "pear", 90L)), rows("SELECT id, name, price FROM fruit ORDER BY id"));
        assertEquals(Arrays.asList(1L, null), rows("SELECT id, note FROM fruit WHERE id = 1").getFirst());
        ok("UPDATE fruit SET note = 'ripe' WHERE id = 2");
        ok("INSERT INTO fruit VALUES (3, 'plum', 45, 'dark')");

        assertEquals("42701", fails("ALTER TABLE fruit ADD COLUMN note TEXT"));
        ok("ALTER TABLE fruit ADD COLUMN IF NOT EXISTS note TEXT");
        assertEquals("23502", fails("ALTER TABLE fruit ADD stock BIGINT NOT NULL"));
        assertEquals(List.of("id", "name", "price", "note"), columns("fruit"), "a refused change leaves the table as it was");

        ok("ALTER TABLE fruit DROP COLUMN name");
        assertEquals(List.of("id", "price", "note"), columns("fruit"));
        assertEquals(List.of(Arrays.asList(1L, 120L, null), List.of(2L, 90L, "ripe"), List.of(3L, 45L, "dark")),
                rows("SELECT * FROM fruit ORDER BY id"));
        assertEquals(List.of(List.of(3L)), rows("SELECT id FROM fruit WHERE price < 50"), "the index follows its column");
        assertEquals("2BP01", fails("ALTER TABLE fruit DROP COLUMN id"));
        assertEquals("2BP01", fails("ALTER TABLE fruit DROP COLUMN price"));
        assertEquals("42703", fails("ALTER TABLE fruit DROP COLUMN name"));
        ok("ALTER TABLE fruit DROP COLUMN IF EXISTS name");
        assertEquals("23505", fails("INSERT INTO fruit VALUES (3, 1, 'again')"));
    }

    @Test
    void anEmptyTableTakesARequiredColumn() {
        ok("CREATE TABLE empty (id BIGINT PRIMARY KEY)");
        ok("ALTER TABLE empty ADD COLUMN qty BIGINT NOT NULL");
        assertEquals("23502", fails("INSERT INTO empty (id) VALUES (1)"));
        ok("INSERT INTO empty VALUES (1, 5)");
    }

    @Test
    void theChangesSurviveRestartsFromTheLogAndFromACheckpoint() throws Exception {
        ok("CREATE TABLE fruit (id BIGINT PRIMARY KEY, name TEXT, price BIGINT)");
        ok("INSERT INTO fruit VALUES (1, 'apple', 120)");
        ok("ALTER TABLE fruit ADD COLUMN note TEXT");
        ok("UPDATE fruit SET note = 'crisp'");
        ok("ALTER TABLE fruit DROP COLUMN price");
        ok("INSERT INTO fruit VALUES (2, 'pear', NULL)");
        restart();
        assertEquals(List.of("id", "name", "note"), columns("fruit"));
        assertEquals(List.of(List.of(1L, "apple", "crisp"), Arrays.asList(2L, "pear", null)), rows("SELECT * FROM fruit ORDER BY id"));

        db.database().checkpoint().join();
        ok("ALTER TABLE fruit ADD COLUMN stock BIGINT");
        ok("UPDATE fruit SET stock = id * 10");
        ok("ALTER TABLE fruit DROP COLUMN name");
        restart();
        assertEquals(List.of("id", "note", "stock"), columns("fruit"));
        assertEquals(List.of(List.of(1L, "crisp", 10L), Arrays.asList(2L, null, 20L)), rows("SELECT * FROM fruit ORDER BY id"));
    }
}
