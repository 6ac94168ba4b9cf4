package io.hallows.db.oltp.impl.wal;

import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.log.Logger;

/**
 * The write-ahead log: {@link #recover} once, then {@link #append} and {@link #durable} with
 * group commit, and {@link #checkpoint}s beside it.
 *
 * <p>{@link #append} frames the record into the filling buffer under a short lock. At most one
 * force task runs at a time on the force executor: it swaps the buffers, writes what was
 * appended, forces the file once and completes the future every waiting commit shares, then runs
 * again at once if commits arrived meanwhile. A background task also forces every
 * {@link LogOptions#BACKGROUND_FORCE} (the only force with {@link LogOptions.SyncMode#OFF}) and
 * checks the automatic checkpoint trigger. A failed write or force fails every waiting future and
 * every later append with SQLSTATE 58030: the database stops taking commits rather than lie.
 */
public final class WriteAheadLog implements CommitLog, AutoCloseable {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Buffered bytes that start a force even when no commit waits (asynchronous commits). */
    private static final int FORCE_EARLY_AT = 1 << 20;

    private final Path directory;
    private final LogOptions options;
    private final Executor executor;
    private final Logger log;
    private final ForceObserver observer;
    private final ReentrantLock lock = new ReentrantLock();
    private FrameBuffer filling = new FrameBuffer(64 << 10, 0);
    private FrameBuffer draining = new FrameBuffer(64 << 10, 0);
    private long segmentStart;
    private CompletableFuture<Void> next = new CompletableFuture<>();
    private CompletableFuture<Void> inFlight;
    private long inFlightLsn;
    private boolean forceRunning;
    private boolean waiting;
    private boolean closed;
    private SqlException failure;
    private long appends;
    private volatile long position;
    private volatile long durableLsn;
    private volatile long forces;
    private volatile LogWriter writer;
    private volatile Checkpointer checkpointer;
    private volatile RecoveryReport recovery;

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
    public RecoveryReport recover(Recoverable target) throws IOException {
        lock.lock();
        try {
            if (writer != null) {
                throw new IllegalStateException("the log in " + directory + " is recovered already");
            }
            Recovery.Result result = new Recovery(directory, options.segmentSize(), log).run(target);
            long end = result.report().endLsn();
            writer = new LogWriter(directory, options.segmentSize(), result.segments(), end);
            segmentStart = result.segments().isEmpty() ? end : result.segments().lastKey();
            filling.reset(end);
            draining.reset(end);
            position = end;
            durableLsn = end;
            recovery = result.report();
            checkpointer = new Checkpointer(directory, options, executor, log, writer, lsn -> awaitForce(lsn, true), recovery);
        } finally {
            lock.unlock();
        }
        scheduleBackgroundForce();
        return recovery;
    }

    @Override
    public long append(byte[] record) {
        int frame = FrameBuffer.HEADER + record.length;
        boolean submit = false;
        long lsn;
        lock.lock();
        try {
            refuseIfStopped();
            long at = filling.endLsn();
            if (at + frame > segmentStart + options.segmentSize() && at > segmentStart) {
                filling.markRoll();
                segmentStart = at;
            }
            lsn = filling.add(record);
            position = lsn;
            appends++;
            if (!forceRunning && filling.size() >= FORCE_EARLY_AT) {
                forceRunning = true;
                submit = true;
            }
        } finally {
            lock.unlock();
        }
        if (submit) {
            submitForce();
        }
        return lsn;
    }

    private void refuseIfStopped() {
        if (failure != null) {
            throw new SqlException("58030", failure.getMessage(), 0, null, failure.hint(), failure.getCause());
        }
        if (writer == null || closed) {
            throw new IllegalStateException("the log in " + directory + (closed ? " is closed" : " is not recovered yet"));
        }
    }

    @Override
    public CompletableFuture<Void> durable(long lsn) {
        return awaitForce(lsn, options.syncMode() == LogOptions.SyncMode.ON);
    }

    /** A future completed when a force covers {@code lsn}; starts one at once if {@code now} and none runs. */
    private CompletableFuture<Void> awaitForce(long lsn, boolean now) {
        if (lsn <= durableLsn) {
            return DONE;
        }
        CompletableFuture<Void> shared;
        boolean submit = false;
        lock.lock();
        try {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (lsn <= durableLsn) {
                return DONE;
            }
            if (lsn > position) {
                throw new IllegalArgumentException("position " + lsn + " is beyond the log's end " + position);
            }
            if (inFlight != null && lsn <= inFlightLsn) {
                shared = inFlight;
            } else {
                shared = next;
                waiting = true;
                if (now && !forceRunning) {
                    forceRunning = true;
                    submit = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (submit) {
            submitForce();
        }
        return shared.copy(); // callers may complete their copy; the shared one is ours
    }

    private void submitForce() {
        try {
            executor.execute(this::force);
        } catch (RuntimeException rejected) {
            fail(rejected);
        }
    }

    /** The force task: one at a time (forceRunning), resubmitted while commits wait. */
    private void force() {
        FrameBuffer batch;
        CompletableFuture<Void> covered;
        long target;
        lock.lock();
        try {
            if (failure != null) {
                forceRunning = false;
                return;
            }
            batch = filling;
            filling = draining;
            filling.reset(batch.endLsn());
            draining = batch;
            target = batch.endLsn();
            covered = next;
            next = new CompletableFuture<>();
            waiting = false;
            inFlight = covered;
            inFlightLsn = target;
        } finally {
            lock.unlock();
        }
        try {
            writer.write(batch);
            observer.beforeForce(target);
            writer.force();
            observer.forced(target);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        forces++;
        boolean again;
        lock.lock();
        try {
            durableLsn = target;
            inFlight = null;
            again = (waiting && options.syncMode() == LogOptions.SyncMode.ON) || filling.size() >= FORCE_EARLY_AT;
            forceRunning = again;
        } finally {
            lock.unlock();
        }
        covered.complete(null);
        if (again) {
            submitForce();
        }
        afterForce(target);
    }

    private void afterForce(long target) {
        LogWriter current = writer;
        if (current.wantsSpare(target)) {
            executor.execute(() -> {
                try {
                    current.prepareSpare();
                } catch (IOException e) {
                    log.warn("could not preallocate the next log segment in {}; it will grow as written", directory, e);
                }
            });
        }
        checkpointer.maybeStart(target);
    }

    private void fail(Throwable cause) {
        CompletableFuture<Void> waiters;
        CompletableFuture<Void> forcing;
        lock.lock();
        try {
            if (failure == null) {
                failure = new SqlException("58030", "the write-ahead log in " + directory + " failed (" + cause
                        + "): the database accepts no more commits", 0, null,
                        "check the disk, then restart: recovery keeps every acknowledged commit", cause);
                log.error("the write-ahead log in {} failed; no more commits are accepted", directory, cause);
            }
            waiters = next;
            forcing = inFlight;
            forceRunning = false;
        } finally {
            lock.unlock();
        }
        waiters.completeExceptionally(failure);
        if (forcing != null) {
            forcing.completeExceptionally(failure);
        }
    }

    private void scheduleBackgroundForce() {
        try {
            CompletableFuture.delayedExecutor(LogOptions.BACKGROUND_FORCE.toMillis(), TimeUnit.MILLISECONDS, executor)
                    .execute(this::backgroundForce);
        } catch (RuntimeException rejected) {
            log.warn("the background force of {} could not be scheduled", directory, rejected);
        }
    }

    private void backgroundForce() {
        boolean submit = false;
        lock.lock();
        try {
            if (closed || failure != null) {
                return;
            }
            if (!forceRunning && position > durableLsn) {
                forceRunning = true;
                submit = true;
            }
        } finally {
            lock.unlock();
        }
        if (submit) {
            submitForce();
        }
        checkpointer.maybeStart(durableLsn);
        scheduleBackgroundForce();
    }

    /**
     * Writes a checkpoint of {@code source} while appends go on (see {@link Checkpointer}); if one
     * is running already, returns that one.
     */
    public CompletableFuture<CheckpointInfo> checkpoint(Recoverable source) {
        requireRecovered();
        return checkpointer.start(source);
    }

    /** Checkpoints {@code source} automatically once the log grew or aged past {@link LogOptions}'s limits. */
    public void checkpointAutomatically(Recoverable source) {
        requireRecovered();
        checkpointer.automatically(source);
    }

    private void requireRecovered() {
        if (checkpointer == null) {
            throw new IllegalStateException("the log in " + directory + " is not recovered yet");
        }
    }

    @Override
    public long position() {
        return position;
    }

    public LogStats stats() {
        LogWriter current = writer;
        Checkpointer checkpoints = checkpointer;
        RecoveryReport recovered = recovery;
        long appended;
        lock.lock();
        try {
            appended = appends;
        } finally {
            lock.unlock();
        }
        return new LogStats(forces, appended, current == null ? 0 : current.bytesOnDisk(),
                current == null ? 0 : current.segmentCount(), checkpoints == null ? null : checkpoints.lastPublished(),
                checkpoints == null ? 0 : checkpoints.lastLsn(), recovered == null ? null : recovered.took(),
                recovered == null ? 0 : recovered.recordsReplayed(), recovered == null ? 0 : recovered.bytesCut());
    }

    /** Refuses further appends, forces what was appended, and closes the files. */
    @Override
    public void close() throws IOException {
        long end;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            end = position;
        } finally {
            lock.unlock();
        }
        if (writer == null) {
            return;
        }
        try {
            awaitForce(end, true).join();
        } catch (RuntimeException failed) {
            log.warn("the last records of {} could not be forced at close", directory, failed);
        }
        writer.close();
    }
}
