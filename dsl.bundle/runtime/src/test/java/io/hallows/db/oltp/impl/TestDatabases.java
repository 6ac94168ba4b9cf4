package io.hallows.db.oltp.impl;

import io.hallows.db.oltp.api.Database;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The real OLTP database in a folder, for the Parseltongue runtime's tests: opened as the
 * database's component opens it (recovery included), on a small thread pool standing in for the
 * db partition. Closing it and opening the same folder again is a restart.
 * (In the database's package: its {@code open} is package-private.)
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** An open database and the pool it runs on. */
    public record Open(Database database, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    /** Opens (and recovers) the database in {@code directory}. */
    public static Open open(Path directory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-db");
            t.setDaemon(true);
            return t;
        });
        OltpDatabase db = OltpDatabase.open(directory, DatabaseConfig.from(Map.of()), new PoolExecutor(pool),
                RecordingLogger.into(new ArrayList<>()));
        return new Open(db, () -> {
            db.close();
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        });
    }

    /** The db partition's executor over a plain pool: hints are ignored. */
    private record PoolExecutor(ExecutorService pool) implements PartitionExecutor {
        @Override
        public String partition() {
            return "db";
        }

        @Override
        public void execute(Runnable task) {
            pool.execute(task);
        }

        @Override
        public void execute(Runnable task, TaskHints hints) {
            pool.execute(task);
        }

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
            CompletableFuture<T> result = new CompletableFuture<>();
            pool.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }

        @Override
        public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
            return loop;
        }
    }
}
