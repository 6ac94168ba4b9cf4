package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * A partition's executor as one bundle holds it (behind the kernel's revocable proxy): the same
 * executor, with each task marked as that bundle's, so an overrun names who submitted it.
 */
final class HolderExecutor implements PartitionExecutor {
    private final PartitionRuntime runtime;
    private final String holder;

    /** @param holder the holding bundle, as {@link Provenance} names it */
    HolderExecutor(PartitionRuntime runtime, String holder) {
        this.runtime = runtime;
        this.holder = holder;
    }

    @Override
    public String partition() {
        return runtime.partition();
    }

    @Override
    public void execute(Runnable task) {
        runtime.execute(task, TaskHints.NONE, holder);
    }

    @Override
    public void execute(Runnable task, TaskHints hints) {
        runtime.execute(task, hints, holder);
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
        return runtime.submit(task, hints, holder);
    }

    @Override
    public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
        return runtime.ownThread(role, loop, busySince);
    }
}
