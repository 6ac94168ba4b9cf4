package io.hallows.db.oltp.impl.wal;

import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.log.Logger;

/**
 * Group commit. {@link #append} frames a record into the filling buffer under a short lock. At
 * most one force task runs at a time: it swaps the buffers, writes what was appended, forces the
 * file once and completes the one future every commit waiting meanwhile shares, then runs again at
 * once if commits arrived meanwhile. A background task also forces every
 * {@link LogOptions#BACKGROUND_FORCE} (the only force with {@link LogOptions.SyncMode#OFF}) and
 * checks the automatic checkpoint trigger. A failed write or force fails every waiting future and
 * every later append with SQLSTATE 58030: the database stops taking commits rather than lie.
 */
final class GroupCommit {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Buffered bytes that start a force even when no commit waits (asynchronous commits). */
    private static final int FORCE_EARLY_AT = 1 << 20;

    private final Path directory;
    private final LogOptions options;
    private final Executor executor;
    private final Logger log;
    private final ForceObserver observer;
    private final LogWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    private FrameBuffer filling;
    private FrameBuffer draining;
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
    private volatile Checkpointer checkpointer;

    /** Continues the log at {@code end}, in the segment starting at {@code segmentStart}. */
    GroupCommit(Path directory, LogOptions options, Executor executor, Logger log, ForceObserver observer, LogWriter writer,
            long segmentStart, long end) {
        this.directory = directory;
        this.options = options;
        this.executor = executor;
        this.log = log;
        this.observer = observer;
        this.writer = writer;
        this.segmentStart = segmentStart;
        this.filling = new FrameBuffer(64 << 10, end);
        this.draining = new FrameBuffer(64 << 10, end);
        this.position = end;
        this.durableLsn = end;
    }

    /** Starts the background force; {@code checkpoints} is asked after each force whether one is due. */
    void start(Checkpointer checkpoints) {
        this.checkpointer = checkpoints;
        scheduleBackgroundForce();
    }

    long append(byte[] record) {
        if (record.length > FrameBuffer.MAX_RECORD) {
            throw new IllegalArgumentException("a log record of " + record.length + " bytes exceeds " + FrameBuffer.MAX_RECORD);
        }
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
        if (closed) {
            throw new IllegalStateException("the log in " + directory + " is closed");
        }
    }

    /** A future completed when a force covers {@code lsn}; starts one at once if {@code now} and none runs. */
    CompletableFuture<Void> awaitForce(long lsn, boolean now) {
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
        if (writer.wantsSpare(target)) {
            executor.execute(() -> {
                try {
                    writer.prepareSpare();
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

    long position() {
        return position;
    }

    long forces() {
        return forces;
    }

    long appends() {
        lock.lock();
        try {
            return appends;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further appends and returns a future for the force of what was appended. */
    CompletableFuture<Void> close() {
        long end;
        lock.lock();
        try {
            closed = true;
            end = position;
        } finally {
            lock.unlock();
        }
        return awaitForce(end, true);
    }
}
