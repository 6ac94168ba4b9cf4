package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Task;
import org.junit.jupiter.api.Test;

/** One task per key out at a time, the rest released in order; idle keys do not pile up. */
class KeyChainsTest {
    private long sequence;

    private KernelTask task(String key) {
        return new KernelTask(null, () -> { }, ++sequence, 0, Task.NO_DEADLINE, key, null, 0, null);
    }

    @Test
    void aKeysTasksGoOutOneAtATimeInOrder() {
        KeyChains chains = new KeyChains();
        KernelTask a = task("k");
        KernelTask b = task("k");
        KernelTask c = task("k");
        assertTrue(chains.admit(a));
        assertFalse(chains.admit(b));
        assertFalse(chains.admit(c));
        assertTrue(chains.admit(task("other")), "another key is not held behind k");
        assertSame(b, chains.next("k"));
        assertSame(c, chains.next("k"));
        assertNull(chains.next("k"), "k is idle now");
        assertTrue(chains.admit(task("k")), "an idle key's next task goes out at once");
        assertFalse(chains.admit(task("k")));
    }

    @Test
    void idleKeysAreSweptAndBusyOnesKept() {
        KeyChains chains = new KeyChains();
        assertTrue(chains.admit(task("busy")));
        KernelTask waiting = task("busy");
        assertFalse(chains.admit(waiting));
        for (int i = 0; i < 20 * KeyChains.SWEEP_FLOOR; i++) {
            String key = "idle" + i;
            assertTrue(chains.admit(task(key)));
            assertNull(chains.next(key));
        }
        assertTrue(chains.size() <= 2 * KeyChains.SWEEP_FLOOR, "idle chains swept, " + chains.size() + " left");
        assertSame(waiting, chains.next("busy"), "a busy key's held task survives every sweep");
        assertFalse(chains.admit(task("busy")), "and the key is still busy with it");
    }
}
