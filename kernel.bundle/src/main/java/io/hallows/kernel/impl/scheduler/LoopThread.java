package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A framework's loop thread while its partition owns it: pinned with the partition's workers and
 * watched by the watchdog through {@code busySince}. Stalls are reported once per unit of work:
 * the unit is told apart by the {@code busySince} value it started at.
 */
final class LoopThread {
    final Thread thread;
    final String role;
    private final LongSupplier busySince;
    /** Its kernel thread id (-1 where unknown), for pinning it from outside. */
    final long tid;
    /** What it is pinned to (the affinity read back), or why it is not pinned. */
    volatile Outcome<CpuSet> pinned = Outcome.unsupported("not pinned yet");
    /** The busySince value last reported as a stall; read and written by the watchdog's thread only. */
    private long reported;

    LoopThread(Thread thread, String role, LongSupplier busySince, long tid) {
        this.thread = thread;
        this.role = role;
        this.busySince = busySince;
        this.tid = tid;
    }

    /**
     * The stall this thread is in at {@code now}, if its current unit of work began more than
     * {@code boundNanos} ago and was not reported yet; else null. Called by the watchdog only.
     */
    Stall stallAt(long now, long boundNanos) {
        long since;
        try {
            since = busySince.getAsLong();
        } catch (Throwable e) { // a bundle's gauge: whatever it throws must not end the watchdog
            return null; // the framework's gauge failed: nothing to judge by, and not the loop's stall
        }
        if (since == 0 || since == reported || now - since <= boundNanos) {
            return null;
        }
        reported = since;
        return new Stall(thread.getName(), role, TimeUnit.NANOSECONDS.toMillis(now - since), Instant.now(), thread.getStackTrace());
    }
}
