package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;

/** A worker thread the kernel gave to one scheduler instance (a lane); tasks run only on these. */
final class LaneThread extends Thread {
    final Lane lane;
    final int index;
    /** True while it runs a task body, so switching out the lane interrupts only idle workers. */
    volatile boolean inTask;
    /** Its kernel thread id once it runs (-1 before, or where it cannot be known), for pinning it from outside. */
    volatile long tid = -1;
    /** What it is pinned to (the affinity read back), or why it is not pinned. */
    volatile Outcome<CpuSet> pinned = Outcome.unsupported("not started");

    LaneThread(Lane lane, int index, Runnable loop) {
        super(loop, "hallows-" + lane.partition() + "-" + lane.choice.name() + "-" + lane.epoch + "-" + index);
        this.lane = lane;
        this.index = index;
        setDaemon(true);
    }
}
