package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanCacheTest {
    private SqlFixture db;

    @BeforeEach
    void setUp() {
        db = new SqlFixture();
        db.ok("create table acc (aid int4 primary key, abalance int4, filler char(10))");
        db.ok("insert into acc select g, 0, 'x' from generate_series(1, 1000) g");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void literalsShareOnePlanAndGiveTheirOwnAnswers() {
        long misses = db.engine.planCacheMisses();
        long hits = db.engine.planCacheHits();
        db.ok("UPDATE acc SET abalance = abalance + -4 WHERE aid = 5");
        db.ok("UPDATE acc SET abalance = abalance + 7 WHERE aid = 6");
        db.ok("UPDATE acc SET abalance = abalance + 3 WHERE aid = 5");
        assertEquals(misses + 1, db.engine.planCacheMisses(), "one plan for the three updates");
        assertEquals(hits + 2, db.engine.planCacheHits());
        assertEquals(-1, db.value("SELECT abalance FROM acc WHERE aid = 5"));
        assertEquals(7, db.value("SELECT abalance FROM acc WHERE aid = 6"));
        assertEquals(0, db.value("SELECT abalance FROM acc WHERE aid = 7"));
    }

    @Test
    void aLiteralThatDoesNotFitItsParameterIsPlannedAsWritten() {
        assertEquals(0L, db.value("select count(*) from acc where aid = 1.5"));
        assertEquals(1L, db.value("select count(*) from acc where aid = 2"));
        assertEquals("x         ", db.value("select filler from acc where aid = 3"));
        assertEquals(java.util.List.of(java.util.List.of(1000), java.util.List.of(999)),
                db.rows("select aid from acc order by 1 desc limit 2"));
    }

    @Test
    void cachedExecutionIsCheaperThanPlanning() throws Exception {
        int n = 2000;
        for (int i = 0; i < 200; i++) {
            db.ok("SELECT abalance FROM acc WHERE aid = " + (1 + i % 1000));
        }
        long hits = db.engine.planCacheHits();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            db.ok("SELECT abalance FROM acc WHERE aid = " + (1 + i % 1000));
        }
        long cached = System.nanoTime() - t0;
        assertEquals(hits + n, db.engine.planCacheHits());
        int planned = 100;
        long t1 = System.nanoTime();
        for (int i = 0; i < planned; i++) {
            // a new column alias each time: a different text, planned from scratch
            db.ok("SELECT abalance AS a" + i + " FROM acc WHERE aid = 1");
        }
        long parse = System.nanoTime() - t1;
        double cachedMicros = cached / 1000.0 / n;
        double plannedMicros = parse / 1000.0 / planned;
        Path out = Path.of("target", "plan-cache-timing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(java.util.Locale.ROOT,
                "cached point select: %.1f us/statement%nplanned point select: %.1f us/statement%n", cachedMicros, plannedMicros));
        assertTrue(cachedMicros < plannedMicros, "a cached statement costs less than planning one");
    }
}
