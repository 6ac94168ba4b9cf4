package io.hallows.kernel.impl.scheduler;

/** Where a partition's new submissions go: its active lane, or a refusal once the partition is removed. */
interface Sink {
    /** Takes the task; false if this sink has closed, and the submitter should look again. */
    boolean offer(KernelTask task);
}
