package io.hallows.db.oltp.impl;

import io.hallows.db.oltp.api.Database;
import io.hallows.db.oltp.impl.wal.TestLogs;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real OLTP database on a directory, opened as its component opens it (recovery included), on
 * a one-thread partition executor of its own: for tests that restart it, here and in the
 * Parseltongue compiler's tests of stored models (through this module's test jar).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** An open database and what to close with it. */
    public record Open(Database database, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    /** Opens (and recovers) the database kept in {@code directory}, on one thread. */
    public static Open open(Path directory) throws Exception {
        return open(directory, 1);
    }

    /**
     * Opens (and recovers) the database kept in {@code directory} on {@code threads} threads standing
     * in for the db partition's workers (tests of concurrent callers want more than one).
     */
    public static Open open(Path directory, int threads) throws Exception {
        ExecutorService thread = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "test-db");
            t.setDaemon(true);
            return t;
        });
        OltpDatabase db = OltpDatabase.open(directory, DatabaseConfig.from(Map.of()), new Partition(thread),
                TestLogs.recording(new ArrayList<>()));
        return new Open(db, () -> {
            db.close();
            thread.shutdown();
            thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        });
    }

    private record Partition(ExecutorService thread) implements PartitionExecutor {
        @Override
        public String partition() {
            return "db";
        }

        @Override
        public void execute(Runnable task) {
            thread.execute(task);
        }

        @Override
        public void execute(Runnable task, TaskHints hints) {
            thread.execute(task);
        }

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
            CompletableFuture<T> result = new CompletableFuture<>();
            thread.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception | Error e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }

        @Override
        public Runnable ownThread(String role, Runnable loop, java.util.function.LongSupplier busySince) {
            throw new UnsupportedOperationException("the database runs no loops of its own");
        }
    }
}
