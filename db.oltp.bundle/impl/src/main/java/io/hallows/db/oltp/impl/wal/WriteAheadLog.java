package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.osgi.service.log.Logger;

/**
 * The write-ahead log: {@link #recover} once, then {@link #append} and {@link #durable} with
 * group commit ({@link GroupCommit}), and {@link #checkpoint}s beside it ({@link Checkpointer}).
 * Segment files and their preallocation are {@link LogWriter}'s; the file formats are described
 * in {@link LogFiles}, {@link FrameBuffer} and {@link CheckpointFile}.
 */
public final class WriteAheadLog implements CommitLog, AutoCloseable {
    private final Path directory;
    private final LogOptions options;
    private final Executor executor;
    private final Logger log;
    private final ForceObserver observer;
    private volatile GroupCommit commits;
    private volatile LogWriter writer;
    private volatile Checkpointer checkpointer;
    private volatile RecoveryReport recovery;
    private boolean closed;

    private WriteAheadLog(Path directory, LogOptions options, Executor executor, Logger log, ForceObserver observer) {
        this.directory = directory;
        this.options = options;
        this.executor = executor;
        this.log = log;
        this.observer = observer;
    }

    /**
     * Opens the log in {@code directory} (created if absent). Nothing is read yet: call
     * {@link #recover} before the first append.
     *
     * @param forceExecutor runs the force, checkpoint and preallocation tasks (in the stack: the
     *     db partition with {@code TaskHints.batch("db.wal")}); tasks may run on several threads
     */
    public static WriteAheadLog open(Path directory, LogOptions options, Executor forceExecutor, Logger log) throws IOException {
        return open(directory, options, forceExecutor, log, ForceObserver.NONE);
    }

    static WriteAheadLog open(Path directory, LogOptions options, Executor forceExecutor, Logger log, ForceObserver observer)
            throws IOException {
        Files.createDirectories(directory);
        return new WriteAheadLog(directory, options, forceExecutor, log, observer);
    }

    /**
     * Loads the newest whole checkpoint into {@code target}, replays every whole log record after
     * it, cuts the log at the first torn or corrupt record (see {@link Recovery}) and positions
     * appends after the last whole one. Call once, before the first append.
     */
    public synchronized RecoveryReport recover(Recoverable target) throws IOException {
        if (commits != null || closed) {
            throw new IllegalStateException("the log in " + directory + (closed ? " is closed" : " is recovered already"));
        }
        Recovery.Result result = new Recovery(directory, options.segmentSize(), log).run(target);
        long end = result.report().endLsn();
        LogWriter files = new LogWriter(directory, options.segmentSize(), result.segments(), end);
        long segmentStart = result.segments().isEmpty() ? end : result.segments().lastKey();
        GroupCommit group = new GroupCommit(directory, options, executor, log, observer, files, segmentStart, end);
        Checkpointer checkpoints = new Checkpointer(directory, options, executor, log, files,
                lsn -> group.awaitForce(lsn, true), group::position, result.report());
        writer = files;
        recovery = result.report();
        checkpointer = checkpoints;
        commits = group;
        group.start(checkpoints);
        return recovery;
    }

    @Override
    public long append(byte[] record) {
        return recovered().append(record);
    }

    @Override
    public CompletableFuture<Void> durable(long lsn) {
        return recovered().awaitForce(lsn, options.syncMode() == LogOptions.SyncMode.ON);
    }

    @Override
    public long position() {
        return recovered().position();
    }

    private GroupCommit recovered() {
        GroupCommit group = commits;
        if (group == null) {
            throw new IllegalStateException("the log in " + directory + " is not recovered yet");
        }
        return group;
    }

    /**
     * Writes a checkpoint of {@code source} while appends go on (see {@link Checkpointer}); if one
     * is running already, returns that one.
     */
    public CompletableFuture<CheckpointInfo> checkpoint(Recoverable source) {
        recovered();
        return checkpointer.start(source);
    }

    /** Checkpoints {@code source} automatically once the log grew or aged past {@link LogOptions}'s limits. */
    public void checkpointAutomatically(Recoverable source) {
        recovered();
        checkpointer.automatically(source);
    }

    /** Counters since the log was opened; zeros before {@link #recover}. */
    public LogStats stats() {
        GroupCommit group = commits;
        if (group == null) {
            return new LogStats(0, 0, 0, 0, null, 0, null, 0, 0);
        }
        RecoveryReport recovered = recovery;
        return new LogStats(group.forces(), group.appends(), writer.bytesOnDisk(), writer.segmentCount(),
                checkpointer.lastPublished(), checkpointer.lastLsn(), recovered.took(), recovered.recordsReplayed(),
                recovered.bytesCut());
    }

    /** Refuses further appends, forces what was appended, and closes the files. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        GroupCommit group = commits;
        if (group == null) {
            return;
        }
        try {
            group.close().join();
        } catch (RuntimeException failed) {
            log.warn("the last records of {} could not be forced at close", directory, failed);
        }
        writer.close();
    }
}
