package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A transaction of {@link MvccStore}: its snapshot, its undo log of {@link Write}s, and for
 * SERIALIZABLE its {@link ReadSet}. Reads are in {@link Reads}, writes in {@link RowWriter}.
 */
final class MvccTxn implements Txn {
    /** The lifecycle: ACTIVE, then COMMITTED or ROLLED_BACK, once. */
    enum State {
        ACTIVE, COMMITTED, ROLLED_BACK
    }

    private final MvccStore store;
    private final long id;
    private final Isolation isolation;
    private final ReadSet reads;
    private final List<Write> writes = new ArrayList<>();
    private final RowWriter writer = new RowWriter(this);
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile State state = State.ACTIVE;
    private volatile long snapshot;
    private volatile MvccTxn waitingFor;
    private int statement = 1;
    private int statementMark;
    private boolean rerun;

    MvccTxn(MvccStore store, long id, Isolation isolation) {
        this.store = store;
        this.id = id;
        this.isolation = isolation;
        this.reads = isolation == Isolation.SERIALIZABLE ? new ReadSet() : null;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Isolation isolation() {
        return isolation;
    }

    long snapshot() {
        return snapshot;
    }

    void snapshot(long ts) {
        snapshot = ts;
    }

    int statement() {
        return statement;
    }

    ReadSet reads() {
        return reads;
    }

    MvccStore store() {
        return store;
    }

    MvccTxn waitingFor() {
        return waitingFor;
    }

    void waitingFor(MvccTxn other) {
        waitingFor = other;
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void startStatement() {
        ensureActive();
        // A statement re-run after a WaitFor keeps its snapshot, so that rows changed meanwhile
        // are re-checked on their newest version, as PostgreSQL does for a blocked statement.
        // The higher levels take theirs at the first statement, as PostgreSQL does, not at begin.
        if ((isolation == Isolation.READ_COMMITTED || statement == 1) && !rerun) {
            snapshot = store.lastCommitted();
        }
        rerun = false;
        waitingFor = null;
        statement++;
        statementMark = writes.size();
    }

    @Override
    public void rollbackStatement() {
        undo(statementMark);
    }

    /** Called when a write of this transaction must wait for {@code other}: builds the WaitFor. */
    WaitFor mustWait(MvccTxn other) {
        WaitFor w = store.deadlocks().waitFor(this, other);
        rerun = true;
        return w;
    }

    @Override
    public Iterator<Row> scan(Table table) {
        ensureActive();
        return Reads.scan(this, (TableState) table);
    }

    @Override
    public Row get(Table table, Object[] key) {
        ensureActive();
        return Reads.get(this, (TableState) table, key);
    }

    @Override
    public Iterator<Row> range(Table table, IndexDef index, Object[] low, boolean lowInclusive, Object[] high, boolean highInclusive) {
        ensureActive();
        return Reads.range(this, (TableState) table, index, low, lowInclusive, high, highInclusive);
    }

    @Override
    public void insert(Table table, Object[] values) {
        ensureActive();
        writer.insert((TableState) table, values);
    }

    @Override
    public Object[] update(Table table, Row row, Predicate<Object[]> stillMatches, UnaryOperator<Object[]> change) {
        ensureActive();
        return writer.update((TableState) table, (Version) row, stillMatches, change);
    }

    @Override
    public boolean delete(Table table, Row row, Predicate<Object[]> stillMatches) {
        ensureActive();
        return writer.delete((TableState) table, (Version) row, stillMatches);
    }

    void recordWrite(Write w) {
        writes.add(w);
        w.table().countRows(w.rowDelta());
    }

    /** Undoes the newest write (one the store refused after making it). */
    void undoLastWrite() {
        undo(writes.size() - 1);
    }

    @Override
    public CompletableFuture<Void> commit(boolean sync) {
        ensureActive();
        long lsn;
        try {
            lsn = store.commit(this, Collections.unmodifiableList(writes));
        } catch (RuntimeException e) {
            rollback();
            if (e instanceof SqlException s && "40001".equals(s.sqlState())) {
                return CompletableFuture.failedFuture(e);
            }
            throw e;
        }
        // Taken before end(): the list is this transaction's, and cleared by nobody after commit.
        Set<String> watched = lsn < 0 || store.watchers().isEmpty() ? null : CommitWatchers.tablesOf(writes);
        end(State.COMMITTED);
        if (lsn < 0) {
            return CompletableFuture.completedFuture(null);
        }
        if (!sync) {
            // Durability was not asked for: watchers hear of the commit once it is visible.
            if (watched != null) {
                store.watchers().committed(watched);
            }
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> durable = store.durable(lsn);
        if (watched != null) {
            durable.thenRun(() -> store.watchers().committed(watched));
        }
        return durable;
    }

    @Override
    public void rollback() {
        if (state != State.ACTIVE) {
            return;
        }
        undo(0);
        end(State.ROLLED_BACK);
    }

    @Override
    public boolean active() {
        return state == State.ACTIVE;
    }

    private void undo(int mark) {
        for (int i = writes.size() - 1; i >= mark; i--) {
            Write w = writes.remove(i);
            w.version().chain.pop(w.version());
            w.table().countRows(-w.rowDelta());
            store.meter().release(w.version().bytes, 1);
        }
    }

    private void end(State to) {
        state = to;
        waitingFor = null;
        store.ended(this, to == State.COMMITTED);
        ended.complete(null);
    }

    private void ensureActive() {
        if (state != State.ACTIVE) {
            throw new SqlException("25P02", "the transaction has ended (" + state.name().toLowerCase() + ")");
        }
    }
}
