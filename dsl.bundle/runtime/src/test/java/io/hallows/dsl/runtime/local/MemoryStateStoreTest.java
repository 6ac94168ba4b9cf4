package io.hallows.dsl.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.runtime.StateCell;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state store: cells survive while their type holds, resets are reported, snapshots restore. */
class MemoryStateStoreTest {
    private final MemoryStateStore store = new MemoryStateStore();

    @Test
    void aCellOfTheSameTypeIsTheSameCell() {
        StateCell<Long> count = store.cell("shop", "count", "Int", () -> 0L);
        count.set(5L);
        assertSame(count, store.cell("shop", "count", "Int", () -> 0L));
        assertFalse(count.wasReset());
        assertEquals(List.of(), store.takeResets("shop"));
    }

    @Test
    void aTypeChangeResetsTheCellOnceAndSaysSo() {
        store.cell("shop", "prices", "Map<String,Int>", () -> Map.of("apple", 120L));
        StateCell<String> reset = store.cell("shop", "prices", "String", () -> "none");

        assertTrue(reset.wasReset());
        assertEquals("none", reset.get());
        assertEquals(List.of("state 'prices' reset: type changed from Map<String,Int> to String"), store.takeResets("shop"));
        assertEquals(List.of(), store.takeResets("shop"));
    }

    @Test
    void anInitialValueMayReadAnotherCellOfTheModule() {
        store.cell("shop", "base", "Int", () -> 100L);
        StateCell<Long> derived = store.cell("shop", "tax", "Int", () -> store.<Long>cell("shop", "base", "Int", () -> 0L).get() / 5);
        assertEquals(20L, derived.get());
    }

    @Test
    void aSnapshotPutsBackTheCellsAFailedRevisionReplaced() {
        StateCell<Long> count = store.cell("shop", "count", "Int", () -> 0L);
        count.set(7L);
        Map<String, StateCell<?>> before = store.snapshot("shop");
        store.cell("shop", "count", "String", () -> "");
        store.cell("shop", "added", "Int", () -> 1L);

        store.restore("shop", before);

        assertSame(count, store.cell("shop", "count", "Int", () -> 0L));
        assertEquals(7L, count.get());
        assertEquals(List.of(), store.takeResets("shop"));
        assertEquals(Map.of("count", count), store.snapshot("shop"));
    }

    @Test
    void droppingAModuleForgetsItsCells() {
        store.cell("shop", "count", "Int", () -> 0L).set(3L);
        store.drop("shop");
        assertEquals(0L, store.<Long>cell("shop", "count", "Int", () -> 0L).get());
    }
}
