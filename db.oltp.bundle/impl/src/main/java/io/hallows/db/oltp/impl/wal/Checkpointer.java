package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.osgi.service.log.Logger;

/**
 * Writes checkpoints beside the log and removes what they make unnecessary.
 *
 * <p>A checkpoint is written under {@code .tmp}, forced, and published (renamed to
 * {@code .ckpt}, directory forced) only once the log is forced up to the position it covers:
 * a checkpoint must never hold a commit whose log record could still be lost, or recovery would
 * show an unacknowledged transaction. The previous checkpoint and the log after it are kept, so
 * that recovery can fall back to it if the newest one turns out not to be whole; older
 * checkpoints and segments wholly before the previous checkpoint are deleted.
 */
final class Checkpointer {
    private record Published(long lsn, Path file) {
    }

    private final Path directory;
    private final LogOptions options;
    private final Executor executor;
    private final Logger log;
    private final LogWriter writer;
    private final LongFunction<CompletableFuture<Void>> forceUpTo;
    private final LongSupplier position;
    private final AtomicReference<CompletableFuture<CheckpointInfo>> running = new AtomicReference<>();
    private volatile Recoverable automatic;
    private volatile Published current;
    private volatile Published previous;
    private volatile Instant lastPublished;
    private volatile long lastNanos = System.nanoTime();

    Checkpointer(Path directory, LogOptions options, Executor executor, Logger log, LogWriter writer,
            LongFunction<CompletableFuture<Void>> forceUpTo, LongSupplier position, RecoveryReport recovered) throws IOException {
        this.directory = directory;
        this.options = options;
        this.executor = executor;
        this.log = log;
        this.writer = writer;
        this.forceUpTo = forceUpTo;
        this.position = position;
        if (recovered.checkpoint() != null) {
            current = new Published(recovered.checkpointLsn(), directory.resolve(recovered.checkpoint()));
            lastPublished = Files.getLastModifiedTime(current.file()).toInstant();
        }
    }

    void automatically(Recoverable source) {
        automatic = source;
    }

    /** Starts an automatic checkpoint if one is enabled, none runs, and the log grew or aged enough. */
    void maybeStart(long position) {
        Recoverable source = automatic;
        long covered = lastLsn();
        if (source != null && running.get() == null && position > covered
                && (position - covered >= options.checkpointAfterBytes()
                        || System.nanoTime() - lastNanos >= options.checkpointInterval().toNanos())) {
            start(source);
        }
    }

    /** Starts a checkpoint of {@code source}, or returns the one running. */
    CompletableFuture<CheckpointInfo> start(Recoverable source) {
        CompletableFuture<CheckpointInfo> result = new CompletableFuture<>();
        if (!running.compareAndSet(null, result)) {
            CompletableFuture<CheckpointInfo> other = running.get();
            return other != null ? other : start(source);
        }
        long started = System.nanoTime();
        // named after the position when it starts; the store's snapshot decides the position it covers
        Path tmp = directory.resolve(LogFiles.checkpointName(position.getAsLong(), ".tmp"));
        try {
            executor.execute(() -> {
                try {
                    CheckpointFile.Written written = CheckpointFile.write(tmp, source);
                    forceUpTo.apply(written.lsn())
                            .thenRunAsync(() -> publish(written, started, result), executor)
                            .exceptionally(failure -> failed(tmp, result, failure));
                } catch (IOException | RuntimeException e) {
                    failed(tmp, result, e);
                }
            });
        } catch (RuntimeException rejected) {
            failed(tmp, result, rejected);
        }
        return result;
    }

    private void publish(CheckpointFile.Written written, long started, CompletableFuture<CheckpointInfo> result) {
        try {
            Path file = directory.resolve(LogFiles.checkpointName(written.lsn(), ".ckpt"));
            Files.move(written.file(), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LogFiles.syncDirectory(directory);
            Published now = new Published(written.lsn(), file);
            if (current != null && current.lsn() != now.lsn()) {
                previous = current;
            }
            current = now;
            Instant at = Instant.now();
            lastPublished = at;
            lastNanos = System.nanoTime();
            int deleted = removeOld();
            CheckpointInfo info = new CheckpointInfo(written.lsn(), file.getFileName().toString(), written.records(),
                    written.bytes(), Duration.ofNanos(lastNanos - started), at);
            log.info("checkpoint {} published; {} old segments removed", info, deleted);
            running.set(null);
            result.complete(info);
        } catch (IOException | RuntimeException e) {
            failed(written.file(), result, e);
        }
    }

    /** Deletes checkpoints other than the current and previous one, and segments wholly before the previous. */
    private int removeOld() throws IOException {
        Published keep = previous;
        boolean deleted = false;
        for (Map.Entry<Long, Path> checkpoint : LogFiles.checkpoints(directory).entrySet()) {
            Path file = checkpoint.getValue();
            if (!file.equals(current.file()) && (keep == null || !file.equals(keep.file()))) {
                deleted |= Files.deleteIfExists(file);
            }
        }
        if (deleted) {
            LogFiles.syncDirectory(directory);
        }
        return keep == null ? 0 : writer.deleteWhollyBefore(keep.lsn());
    }

    private Void failed(Path tmp, CompletableFuture<CheckpointInfo> result, Throwable failure) {
        log.warn("checkpoint into {} failed; the log keeps everything since the last one", tmp, failure);
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // recovery deletes leftover .tmp files anyway
        }
        running.set(null);
        result.completeExceptionally(failure);
        return null;
    }

    long lastLsn() {
        Published last = current;
        return last == null ? 0 : last.lsn();
    }

    Instant lastPublished() {
        return lastPublished;
    }
}
