package io.hallows.db.oltp.impl;

import io.hallows.db.oltp.api.Database;
import io.hallows.db.oltp.api.DatabaseStats;
import io.hallows.db.oltp.impl.shell.StatsTable;
import io.hallows.db.oltp.impl.sql.OltpSqlEngine;
import io.hallows.db.oltp.impl.sql.SqlOptions;
import io.hallows.db.oltp.impl.store.Isolation;
import io.hallows.db.oltp.impl.store.MvccStore;
import io.hallows.db.oltp.impl.store.StoreStats;
import io.hallows.db.oltp.impl.wal.LogOptions;
import io.hallows.db.oltp.impl.wal.LogStats;
import io.hallows.db.oltp.impl.wal.WriteAheadLog;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import io.hallows.sql.api.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.service.log.Logger;

/**
 * The database: the log, the store recovered from it, and the SQL engine over the store, all
 * running as tasks of the db partition. The log's forces are tasks with one batch key, so the
 * batch scheduler runs them together and one force covers every commit that arrived meanwhile.
 */
final class OltpDatabase implements Database, AutoCloseable {
    /** The batch key of the log's forces and checkpoints. */
    static final String WAL_BATCH = "db.wal";
    private static final long GC_SECONDS = 10;

    private final WriteAheadLog wal;
    private final MvccStore store;
    private OltpSqlEngine engine; // set once in open(): it shows this database's statistics
    private final Executor partitionDelayed;
    private final Logger log;
    private volatile boolean closed;

    private OltpDatabase(WriteAheadLog wal, MvccStore store, Executor executor, Logger log) {
        this.wal = wal;
        this.store = store;
        this.log = log;
        // The JDK's delayer only hands the task over: the collection itself runs on the partition.
        this.partitionDelayed = CompletableFuture.delayedExecutor(GC_SECONDS, TimeUnit.SECONDS, executor);
    }

    /** Opens (and recovers) the database in {@code directory}. */
    static OltpDatabase open(Path directory, DatabaseConfig config, PartitionExecutor executor, Logger log) throws Exception {
        Executor forces = task -> executor.execute(task, TaskHints.batch(WAL_BATCH));
        WriteAheadLog wal = WriteAheadLog.open(directory, LogOptions.DEFAULTS
                .withCheckpointAfter(config.checkpointLogBytes(), config.checkpointInterval()), forces, log);
        try {
            MvccStore store = new MvccStore(wal, config.memoryLimit());
            wal.recover(store); // logs what it did (checkpoint used, records replayed, bytes cut)
            wal.checkpointAutomatically(store);
            OltpDatabase db = new OltpDatabase(wal, store, executor, log);
            db.engine = new OltpSqlEngine(store, executor,
                    new SqlOptions(Isolation.READ_COMMITTED, config.synchronousCommit(), db::statsTable, config.maxSessions(),
                    Database.DATABASE_NAME));
            db.scheduleCollection();
            return db;
        } catch (Exception | Error e) {
            wal.close();
            throw e;
        }
    }

    @Override
    public Session open(String user, Map<String, String> parameters) {
        return engine.open(user, parameters);
    }

    @Override
    public Map<String, String> serverParameters() {
        return engine.serverParameters();
    }

    @Override
    public DatabaseStats stats() {
        StoreStats s = store.stats();
        LogStats l = wal.stats();
        return new DatabaseStats(s.commits(), l.commitsCovered(), s.rollbacks(), s.serializationFailures(), l.forces(), l.bytesOnDisk(),
                l.lastCheckpoint(), s.memoryUsed(), s.memoryLimit(), s.tables(), s.liveRows(), l.lastRecovery(),
                engine == null ? 0 : engine.sessions());
    }

    /** The statistics as name/value pairs, for {@code SHOW hallows.stats}. */
    Map<String, String> statsTable() {
        return StatsTable.of(stats());
    }

    @Override
    public CompletableFuture<DatabaseStats> checkpoint() {
        return wal.checkpoint(store).thenApply(done -> stats());
    }

    @Override
    public AutoCloseable watch(Set<String> tables, Consumer<Set<String>> changed) {
        Objects.requireNonNull(changed, "changed");
        // A failing watcher must not fail the commit's future nor stop the other watchers.
        return store.watchers().add(tables, written -> {
            try {
                changed.accept(written);
            } catch (RuntimeException e) {
                log.warn("oltp: a commit watcher of {} failed: {}", tables, e.toString(), e);
            }
        });
    }

    private void scheduleCollection() {
        if (!closed) {
            partitionDelayed.execute(() -> {
                if (!closed) {
                    store.collectGarbage();
                    scheduleCollection();
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            wal.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("closing the log", e);
        }
    }
}
