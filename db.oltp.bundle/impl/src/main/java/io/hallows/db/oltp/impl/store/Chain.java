package io.hallows.db.oltp.impl.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A row: its key in the primary index and its versions, newest first. Writers push a version
 * with a compare-and-set of {@link #head}: whoever holds an uncommitted head owns the row until it
 * ends, so the set is the row's write lock. A chain whose only version is an old deletion is
 * retired ({@link #RETIRED} as head) before it leaves the index; writers that meet it look again.
 */
final class Chain {
    static final Version RETIRED = Version.committed(null, null, 0, Long.MAX_VALUE);

    private static final VarHandle HEAD;
    private static final VarHandle TRIMMING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(Chain.class, "head", Version.class);
            TRIMMING = l.findVarHandle(Chain.class, "trimming", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Object[] key;
    private volatile Version head;
    @SuppressWarnings("unused")
    private volatile boolean trimming;

    Chain(Object[] key) {
        this.key = key;
    }

    Version head() {
        return head;
    }

    boolean push(Version expected, Version v) {
        v.next = expected;
        return HEAD.compareAndSet(this, expected, v);
    }

    /** Undoes {@code v}, the owner's newest version. */
    void pop(Version v) {
        HEAD.compareAndSet(this, v, v.next);
        v.abort();
    }

    /** Retires the chain when its head is still {@code h}. */
    boolean retire(Version h) {
        return HEAD.compareAndSet(this, h, RETIRED);
    }

    /**
     * Drops the versions no snapshot at or after {@code horizon} can see: those below the newest
     * one committed at or before it. One trimmer at a time per chain (others skip), so that each
     * dropped version is counted once. Returns the dropped versions' bytes and count through {@code meter}.
     */
    long trim(long horizon, MemoryMeter meter) {
        if (!TRIMMING.compareAndSet(this, false, true)) {
            return 0;
        }
        try {
            for (Version v = head; v != null; v = v.next) {
                long t = v.ts;
                if (t > 0 && t <= horizon) {
                    Version tail = v.next;
                    if (tail == null) {
                        return 0;
                    }
                    v.next = null;
                    long count = 0;
                    long bytes = 0;
                    for (Version d = tail; d != null; d = d.next) {
                        count++;
                        bytes += d.bytes;
                    }
                    meter.release(bytes, count);
                    return count;
                }
            }
            return 0;
        } finally {
            TRIMMING.setVolatile(this, false);
        }
    }
}
