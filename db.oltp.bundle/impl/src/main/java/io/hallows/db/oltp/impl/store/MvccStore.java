package io.hallows.db.oltp.impl.store;

import io.hallows.db.oltp.impl.wal.CommitLog;
import io.hallows.db.oltp.impl.wal.Recoverable;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The in-memory multi-version store (the design is in this package's {@code package-info}).
 *
 * <p><b>SERIALIZABLE</b> is snapshot isolation plus backward optimistic validation: a
 * serializable transaction records what it read (keys looked up, present or not; key ranges of an
 * index; whole tables scanned), and its commit, under the commit lock, is refused with 40001 when
 * a transaction that committed after its snapshot wrote a row it read or a row into (or out of) a
 * range it read. Each serializable transaction that writes then behaves as if it ran alone at
 * its commit point, so their commit order is a serial order: no write skew (G2-item), no
 * predicate anti-dependency cycle (G2). A read-only serializable transaction needs no
 * validation: it saw exactly the state its snapshot's commits left, so it takes its place in
 * that serial order at its snapshot (which also rules out Fekete's read-only anomaly: the
 * writer that would close the cycle is refused instead). This is what PostgreSQL does for the
 * Hermitage cases where a reader commits (PMP, G-single). Unlike PostgreSQL's SSI the refusal
 * comes at commit, not at the read or the write.
 */
public final class MvccStore implements Store, Recoverable {
    private static final int HORIZON_PERIOD = 64;

    private final CommitLog log;
    private final MemoryMeter meter;
    private final Catalog catalog;
    private final Object commitLock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final Set<MvccTxn> active = ConcurrentHashMap.newKeySet();
    private final CommitValidator validator = new CommitValidator();
    private final CommitWatchers watchers = new CommitWatchers();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder serializationFailures = new LongAdder();
    private final LongAdder deadlockCount = new LongAdder();
    private final Deadlocks deadlocks = new Deadlocks(deadlockCount::increment);
    private final Recovery recovery;
    private volatile long lastCommitted = 1;
    private volatile long horizon = 1;

    public MvccStore(CommitLog log, long memoryLimitBytes) {
        this.log = log;
        this.meter = new MemoryMeter(memoryLimitBytes);
        this.catalog = new Catalog(meter);
        this.recovery = new Recovery(catalog, meter);
    }

    @Override
    public Txn begin(Isolation isolation) {
        MvccTxn t = new MvccTxn(this, ids.incrementAndGet(), isolation);
        if (isolation == Isolation.SERIALIZABLE) {
            synchronized (commitLock) {
                validator.serializableStarted();
                register(t);
            }
        } else {
            register(t);
        }
        return t;
    }

    /**
     * Registers a running snapshot. The second read of the clock, after the registration, makes
     * a concurrent {@link #refreshHorizon()} either see the transaction or compute a horizon at or
     * below its snapshot.
     */
    private void register(MvccTxn t) {
        t.snapshot(lastCommitted);
        active.add(t);
        t.snapshot(lastCommitted);
    }

    long lastCommitted() {
        return lastCommitted;
    }

    long horizon() {
        return horizon;
    }

    MemoryMeter meter() {
        return meter;
    }

    Deadlocks deadlocks() {
        return deadlocks;
    }

    SqlException serializationFailure(String message) {
        serializationFailures.increment();
        return new SqlException("40001", message, 0, null,
                "The transaction might succeed if retried.", null);
    }

    /**
     * Validates (SERIALIZABLE), logs and publishes a transaction's writes. Returns the record's
     * log position, or -1 when nothing was logged.
     */
    long commit(MvccTxn t, List<Write> writes) {
        if (writes.isEmpty()) {
            return -1;
        }
        List<byte[]> records = Redo.txn(t.id(), writes);
        long lsn;
        long ts;
        synchronized (commitLock) {
            if (t.isolation() == Isolation.SERIALIZABLE && validator.conflicts(t.reads(), t.snapshot())) {
                throw serializationFailure("could not serialize access due to read/write dependencies among transactions");
            }
            TableState last = null;
            for (Write w : writes) {
                if (w.table() != last) {
                    last = w.table();
                    catalog.checkCurrent(last);
                }
            }
            lsn = -1;
            for (byte[] r : records) {
                lsn = log.append(r);
            }
            ts = lastCommitted + 1;
            for (Write w : writes) {
                w.version().commit(ts);
            }
            lastCommitted = ts;
            validator.committed(ts, writes);
            if (ts % HORIZON_PERIOD == 0) {
                validator.forgetUpTo(oldestSnapshot(true));
            }
        }
        if (ts % HORIZON_PERIOD == 0) {
            refreshHorizon();
        }
        return lsn;
    }

    CompletableFuture<Void> durable(long lsn) {
        return log.durable(lsn);
    }

    /** Those told of commits to their tables ({@code Database.watch}). */
    public CommitWatchers watchers() {
        return watchers;
    }

    /** A transaction ended: it no longer holds back garbage collection or validation history. */
    void ended(MvccTxn t, boolean committed) {
        active.remove(t);
        (committed ? commits : rollbacks).increment();
        if (t.isolation() == Isolation.SERIALIZABLE) {
            synchronized (commitLock) {
                validator.serializableEnded();
            }
        }
    }

    private long oldestSnapshot(boolean serializableOnly) {
        long oldest = lastCommitted;
        for (MvccTxn t : active) {
            if (!serializableOnly || t.isolation() == Isolation.SERIALIZABLE) {
                oldest = Math.min(oldest, t.snapshot());
            }
        }
        return oldest;
    }

    private void refreshHorizon() {
        horizon = oldestSnapshot(false);
    }

    @Override
    public Optional<Table> table(String name) {
        return catalog.table(name);
    }

    @Override
    public Collection<Table> tables() {
        return List.copyOf(catalog.all());
    }

    @Override
    public CompletableFuture<Void> createTable(TableDef def, boolean ifNotExists) {
        return ddl(() -> catalog.createTable(def, ifNotExists));
    }

    @Override
    public CompletableFuture<Void> dropTable(String name, boolean ifExists) {
        Optional<Table> dropped = catalog.table(name);
        CompletableFuture<Void> done = ddl(() -> catalog.dropTable(name, ifExists));
        dropped.ifPresent(t -> catalog.released((TableState) t));
        return done;
    }

    @Override
    public CompletableFuture<Void> createIndex(IndexDef def, boolean ifNotExists) {
        return ddl(() -> catalog.createIndex(def, ifNotExists));
    }

    @Override
    public CompletableFuture<Void> addPrimaryKey(String table, List<Integer> columns) {
        return ddl(() -> catalog.addPrimaryKey(table, columns));
    }

    @Override
    public CompletableFuture<Void> addColumn(String table, ColumnDef column, boolean ifNotExists) {
        return ddl(() -> catalog.addColumn(table, column, ifNotExists));
    }

    @Override
    public CompletableFuture<Void> dropColumn(String table, String column, boolean ifExists) {
        return ddl(() -> catalog.dropColumn(table, column, ifExists));
    }

    private CompletableFuture<Void> ddl(Supplier<Catalog.Change> change) {
        long lsn;
        synchronized (commitLock) {
            Catalog.Change c = change.get();
            if (c == null) {
                return CompletableFuture.completedFuture(null);
            }
            try {
                lsn = log.append(Redo.encode(c.record()));
            } catch (RuntimeException e) {
                c.undo().run();
                throw e;
            }
        }
        return log.durable(lsn);
    }

    @Override
    public void truncate(Txn txn, Collection<Table> tables) {
        for (Table t : tables) {
            for (Iterator<Row> it = txn.scan(t); it.hasNext();) {
                txn.delete(t, it.next(), values -> true);
            }
        }
    }

    @Override
    public long collectGarbage() {
        refreshHorizon();
        long h = horizon;
        long dropped = 0;
        for (TableState t : catalog.all()) {
            dropped += GarbageCollector.collect(t, h, meter);
        }
        return dropped;
    }

    @Override
    public long memoryUsed() {
        return meter.used();
    }

    @Override
    public long memoryLimit() {
        return meter.limit();
    }

    public StoreStats stats() {
        long live = 0;
        for (TableState t : catalog.all()) {
            live += t.approximateRows();
        }
        return new StoreStats(commits.sum(), rollbacks.sum(), serializationFailures.sum(), deadlockCount.sum(),
                catalog.all().size(), live, meter.versions(), meter.used(), meter.limit(), active.size());
    }

    @Override
    public long snapshot(Consumer<byte[]> sink) {
        MvccTxn reader = new MvccTxn(this, ids.incrementAndGet(), Isolation.REPEATABLE_READ);
        long position;
        List<TableState.Layout> layouts = new ArrayList<>();
        synchronized (commitLock) {
            position = log.position();
            reader.snapshot(lastCommitted);
            active.add(reader);
            catalog.all().forEach(t -> layouts.add(t.layout()));
        }
        try {
            Catalog.records(layouts).forEach(sink);
            for (TableState.Layout l : layouts) {
                Recovery.writeRows(l, reader, sink);
            }
        } finally {
            active.remove(reader);
        }
        return position;
    }

    @Override
    public void loadSnapshotRecord(byte[] record) {
        redo(record);
    }

    @Override
    public void redo(byte[] record) {
        Redo r = Redo.decode(record);
        // Ids stay unique across restarts, so that a new transaction's parts never continue an old one's.
        if (r instanceof Redo.Txn t) {
            ids.accumulateAndGet(t.id(), Math::max);
        } else if (r instanceof Redo.TxnPart t) {
            ids.accumulateAndGet(t.id(), Math::max);
        }
        synchronized (commitLock) {
            lastCommitted = recovery.apply(r, lastCommitted + 1);
        }
    }
}
