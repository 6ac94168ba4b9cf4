package io.hallows.kernel.impl.scheduler;

/** A worker thread the kernel gave to one scheduler instance (a lane); tasks run only on these. */
final class LaneThread extends Thread {
    final Lane lane;
    final int index;
    /** True while it runs a task body, so switching out the lane interrupts only idle workers. */
    volatile boolean inTask;

    LaneThread(Lane lane, int index, Runnable loop) {
        super(loop, "hallows-" + lane.partition() + "-" + lane.choice.name() + "-" + lane.epoch + "-" + index);
        this.lane = lane;
        this.index = index;
        setDaemon(true);
    }
}
