package io.hallows.dsl.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.oltp.impl.TestDatabases;
import io.hallows.dsl.runtime.SharedVar;
import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.StateWrites;
import io.hallows.dsl.runtime.local.MemoryStateStore;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable state store against the real OLTP database in a temporary folder: what an operation
 * wrote is stored when it ends, and a store opened again on the same folder (a restart) continues
 * from there.
 */
class DurableStateTest {
    /** Model-like values, as generated code's records. */
    record Point(long x, double y) {
    }

    record Route(String name, Optional<Point> start, List<Point> stops, Map<Long, Point> byId, boolean open) {
    }

    @TempDir
    Path folder;
    private final List<String> log = new ArrayList<>();
    private TestDatabases.Open db;
    private DurableState durable;

    /** A store over the database in {@link #folder}, as the runtime opens one at stack start. */
    private StateStore start() throws Exception {
        db = TestDatabases.open(folder, 4);
        durable = new DurableState(db.database(), RecordingLogger.into(log));
        return new MemoryStateStore(durable).scopedTo("shop", getClass().getClassLoader());
    }

    /** Stops the store and the database, then opens both again on the same folder. */
    private StateStore restart() throws Exception {
        stop();
        return start();
    }

    @AfterEach
    void stop() throws Exception {
        if (durable != null) {
            durable.close();
            durable = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private static void inOperation(Runnable body) {
        StateWrites.Scope scope = StateWrites.enter();
        try {
            body.run();
        } finally {
            scope.exit();
        }
    }

    @Test
    void valuesOfEveryTypeComeBackAfterARestart() throws Exception {
        Point p = new Point(-3, 2.5);
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("Int", Long.MIN_VALUE);
        values.put("Float", 0.1);
        values.put("Float2", Double.NaN);
        values.put("Float3", 1e300);
        values.put("Bool", true);
        values.put("String", "quote \" backslash \\ newline \n tab \t ü € 🐍 \u0001");
        values.put("List<List<Int>>", List.of(List.of(1L, 2L), List.of()));
        values.put("Map<Int,String>", Map.of(7L, "seven"));
        values.put("Map<String,Option<Float>>", orderedMap("b", Optional.of(1.0), "a", Optional.empty()));
        values.put("Option<Int>", Optional.of(5L));
        values.put("Option<String>", Optional.empty());
        values.put("shop.Point", p);
        values.put("shop.Route", new Route("r", Optional.of(p), List.of(p, new Point(0, 0)), Map.of(1L, p), false));
        StateStore store = start();
        inOperation(() -> values.forEach((type, v) -> store.<Object>cell("shop", "v." + type, type, () -> "unset").set(v)));

        StateStore again = restart();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            StateCell<Object> cell = again.cell("shop", "v." + e.getKey(), e.getKey(), () -> "unset");
            assertEquals(e.getValue(), cell.get(), e.getKey());
            assertFalse(cell.wasReset(), e.getKey());
        }
        Object order = again.<Object>cell("shop", "v.Map<String,Option<Float>>", "Map<String,Option<Float>>", () -> Map.of()).get();
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) order).keySet()), "a map keeps its order");
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Test
    void aRestartContinuesFromTheLastValue() throws Exception {
        StateStore store = start();
        SharedVar<Long> greetings = new SharedVar<>(store.cell("shop", "Greeter.greetings", "Int", () -> 0L));
        for (int i = 0; i < 3; i++) {
            inOperation(() -> greetings.update(n -> n + 1));
        }

        SharedVar<Long> after = new SharedVar<>(restart().cell("shop", "Greeter.greetings", "Int", () -> 0L));
        assertEquals(3L, after.get());
        inOperation(() -> after.update(n -> n + 1));
        assertEquals(4L, new SharedVar<>(restart().<Long>cell("shop", "Greeter.greetings", "Int", () -> 0L)).get());
    }

    @Test
    void aWriteIsStoredWhenTheOperationEndsNotBefore() throws Exception {
        StateStore store = start();
        StateCell<Long> count = store.cell("shop", "count", "Int", () -> 0L);
        StateWrites.Scope op = StateWrites.enter();
        count.set(1L);
        assertEquals(List.of(), storedValues("count"), "not stored while the operation runs");
        StateWrites.Scope nested = StateWrites.enter();
        count.set(2L);
        nested.exit();
        assertEquals(List.of(), storedValues("count"), "a nested operation leaves it to the outermost");
        op.exit();
        assertEquals(List.of("2"), storedValues("count"));
    }

    @Test
    void cellsWrittenByOneOperationAreStoredInOneTransaction() throws Exception {
        StateStore store = start();
        StateCell<Long> a = store.cell("shop", "a", "Int", () -> 0L);
        StateCell<String> b = store.cell("shop", "b", "String", () -> "");
        StateCell<Boolean> c = store.cell("shop", "c", "Bool", () -> false);
        long before = db.database().stats().loggedCommits();
        inOperation(() -> {
            a.set(1L);
            b.set("x");
            c.set(true);
            a.set(2L);
        });
        assertEquals(1, db.database().stats().loggedCommits() - before);
        assertEquals(List.of("2"), storedValues("a"));
        assertEquals(List.of("\"x\""), storedValues("b"));
    }

    @Test
    void anOperationThatRaisedStoresWhatItsCellsHoldWhenItEnds() throws Exception {
        StateStore store = start();
        SharedVar<Long> count = new SharedVar<>(store.cell("shop", "count", "Int", () -> 0L));
        IllegalStateException raised = new IllegalStateException("OutOfStock");
        try {
            inOperation(() -> {
                count.update(n -> n + 5);
                throw raised;
            });
        } catch (IllegalStateException e) {
            assertEquals(raised, e);
        }
        assertEquals(5L, restart().<Long>cell("shop", "count", "Int", () -> 0L).get());
    }

    @Test
    void aTypeChangeResetsTheStoredValueOnce() throws Exception {
        StateStore store = start();
        inOperation(() -> store.<Long>cell("shop", "x", "Int", () -> 0L).set(9L));
        stop();
        db = TestDatabases.open(folder, 4);
        durable = new DurableState(db.database(), RecordingLogger.into(log));
        MemoryStateStore states = new MemoryStateStore(durable);
        StateCell<String> changed = states.cell("shop", "x", "String", () -> "fresh");

        assertTrue(changed.wasReset());
        assertEquals("fresh", changed.get());
        assertEquals(List.of("state 'x' reset: type changed from Int to String (stored)"), states.takeResets("shop"));
        StateCell<String> later = restart().cell("shop", "x", "String", () -> "other");
        assertFalse(later.wasReset(), "the reset value was stored: no second reset");
        assertEquals("fresh", later.get());
    }

    @Test
    void aModelWhoseClassIsGoneResetsTheCell() throws Exception {
        StateStore store = start();
        inOperation(() -> store.<Point>cell("shop", "p", "shop.Point", () -> new Point(0, 0)).set(new Point(1, 1)));
        stop();
        db = TestDatabases.open(folder, 4);
        durable = new DurableState(db.database(), RecordingLogger.into(log));
        MemoryStateStore noClasses = new MemoryStateStore(durable);
        StateCell<Object> p = noClasses.scopedTo("shop", new ClassLoader(null) { }).cell("shop", "p", "shop.Point", () -> "initial");
        assertTrue(p.wasReset());
        assertEquals("initial", p.get());
        assertTrue(noClasses.takeResets("shop").getFirst().contains("cannot be rebuilt"), "the reason names the model");
    }

    @Test
    void concurrentWritersToASharedVariableLoseNothingAfterARestart() throws Exception {
        StateStore store = start();
        SharedVar<Long> count = new SharedVar<>(store.cell("shop", "count", "Int", () -> 0L));
        int threads = 8;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        inOperation(() -> count.update(n -> n + 1));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals((long) threads * each, count.get());
        assertEquals((long) threads * each, restart().<Long>cell("shop", "count", "Int", () -> 0L).get());
    }

    @Test
    void droppingAModuleForgetsItsStoredState() throws Exception {
        db = TestDatabases.open(folder, 4);
        durable = new DurableState(db.database(), RecordingLogger.into(log));
        MemoryStateStore states = new MemoryStateStore(durable);
        inOperation(() -> {
            states.<Long>cell("shop", "count", "Int", () -> 0L).set(3L);
            states.<Long>cell("other", "count", "Int", () -> 0L).set(4L);
        });
        states.drop("shop");

        StateStore shop = restart();
        assertEquals(0L, shop.<Long>cell("shop", "count", "Int", () -> 0L).get());
        assertEquals(List.of("4"), storedValuesOf("other", "count"));
    }

    @Test
    void aWriteOutsideAnyOperationIsStoredAtOnce() throws Exception {
        StateStore store = start();
        store.<Long>cell("shop", "n", "Int", () -> 0L).set(8L);
        assertEquals(List.of("8"), storedValues("n"));
    }

    private List<String> storedValues(String name) {
        return storedValuesOf("shop", name);
    }

    /** The value column of the variable's row, read through a session of its own. */
    private List<String> storedValuesOf(String module, String name) {
        try (Session s = db.database().open("test", Map.of())) {
            Result r = s.execute("SELECT value FROM pt_state WHERE module = $1 AND name = $2", module, name).get();
            return r.rows().stream().map(row -> (String) row[0]).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
