package io.hallows.messaging.impl.log;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.common.protocol.Errors;

/**
 * The group commit of a {@code flush=batch} partition: appends written to the file wait here until
 * a force covers them. One force is in flight at a time, as a task of its own key (so appends go
 * on meanwhile); every append that arrives while it runs waits for the next one, which starts as
 * soon as the previous ends. Under load a force covers many appends, and the disk's flush rate, not
 * the request rate, bounds the work.
 *
 * <p>The waiting list and the in-flight flag belong to the partition's task: the force task only
 * forces, publishes the high watermark, answers its group, and hands back to the partition's task.
 */
final class GroupCommit {
    private record Waiting(AppendResult result, CompletableFuture<AppendResult> future) {
    }

    private final PartitionLog partition;
    private final PartitionExecutor executor;
    private final TaskHints partitionHints;
    private final TaskHints forceHints;
    private final Consumer<Path> forced;
    private List<Waiting> waiting = new ArrayList<>();
    private boolean inFlight;

    GroupCommit(PartitionLog partition, PartitionExecutor executor, TaskHints partitionHints, Consumer<Path> forced) {
        this.partition = partition;
        this.executor = executor;
        this.partitionHints = partitionHints;
        this.forceHints = new TaskHints(null, partitionHints.key() + "/force", "messaging.force", 0);
        this.forced = forced;
    }

    /** Answers {@code future} with {@code result} once a force covers what is written now (on the partition's task). */
    void add(AppendResult result, CompletableFuture<AppendResult> future) {
        waiting.add(new Waiting(result, future));
        if (!inFlight) {
            start();
        }
    }

    private void start() {
        List<Waiting> group = waiting;
        waiting = new ArrayList<>();
        PartitionLog.Mark target = partition.currentEnd();
        LogSegment segment = partition.activeSegment();
        inFlight = true;
        try {
            executor.execute(() -> force(segment, target, group), forceHints);
        } catch (RejectedExecutionException e) {
            inFlight = false;
            answer(group, AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, partition.where() + ": the log is stopping"));
        }
    }

    /** The force task: everything written before it started is on disk when {@code force} returns. */
    private void force(LogSegment segment, PartitionLog.Mark target, List<Waiting> group) {
        try {
            segment.force();
            forced.accept(segment.file());
            partition.advanceTo(target);
            answer(group, null);
        } catch (IOException e) {
            if (partition.isClosed()) {
                // Closed under the force: a closing log sealed the segment itself, a deleted topic has no answer but this.
                answer(group, AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, partition.where() + " was closed before its force"));
            } else {
                partition.failed(e);
                answer(group, AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, partition.where() + ": force failed: " + e.getMessage()));
            }
        } finally {
            try {
                executor.execute(this::ended, partitionHints);
            } catch (RejectedExecutionException e) {
                answer(waiting, AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, partition.where() + ": the log is stopping"));
            }
        }
    }

    private void ended() {
        inFlight = false;
        if (!waiting.isEmpty() && !partition.isClosed()) {
            start();
        }
    }

    /** Answers every append still waiting: with its own result ({@code answer} null, when it is known forced) or with {@code answer}. */
    void completeAll(AppendResult answer) {
        answer(waiting, answer);
        waiting = new ArrayList<>();
    }

    private static void answer(List<Waiting> group, AppendResult answer) {
        for (Waiting each : group) {
            each.future().complete(answer == null ? each.result() : answer);
        }
    }
}
