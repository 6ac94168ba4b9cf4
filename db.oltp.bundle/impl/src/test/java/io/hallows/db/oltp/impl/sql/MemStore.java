package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.IndexDef;
import io.hallows.db.oltp.impl.store.Isolation;
import io.hallows.db.oltp.impl.store.Row;
import io.hallows.db.oltp.impl.store.Store;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.db.oltp.impl.store.TableDef;
import io.hallows.db.oltp.impl.store.Txn;
import io.hallows.db.oltp.impl.store.WaitFor;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A single-version test double of the store: one coarse lock, no snapshots (a reader sees the
 * newest values), row write locks that make a second writer wait ({@link WaitFor}), undo logs
 * for rollback. Enough to test the SQL layer without the MVCC store.
 */
final class MemStore implements Store {
    record MemRow(long id, Object[] values) implements Row {
    }

    final class MemTable implements Table {
        volatile TableDef def;
        final List<IndexDef> indexes = new ArrayList<>();
        final Map<Long, MemRow> rows = new LinkedHashMap<>();
        final Map<List<Object>, Long> pk = new HashMap<>();
        final Map<Long, MemTxn> locks = new HashMap<>();

        MemTable(TableDef def) {
            this.def = def;
            if (!def.primaryKey().isEmpty()) {
                indexes.add(new IndexDef(def.name() + "_pkey", def.name(), def.primaryKey(), true));
            }
        }

        @Override
        public TableDef def() {
            return def;
        }

        @Override
        public List<IndexDef> indexes() {
            return List.copyOf(indexes);
        }

        @Override
        public long approximateRows() {
            return rows.size();
        }

        List<Object> key(Object[] values) {
            if (def.primaryKey().isEmpty()) {
                return null;
            }
            Object[] k = new Object[def.primaryKey().size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = values[def.primaryKey().get(i)];
            }
            return Arrays.asList(k);
        }
    }

    private final Map<String, MemTable> tables = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    final AtomicLong commits = new AtomicLong();
    final AtomicLong gcRuns = new AtomicLong();
    /** How many scans, primary-key gets and index ranges statements asked for. */
    final AtomicLong scans = new AtomicLong();
    final AtomicLong gets = new AtomicLong();
    final AtomicLong ranges = new AtomicLong();
    /** The last commit's durability flag, and the isolation of the last transaction begun. */
    volatile Boolean lastSync;
    volatile Isolation lastIsolation;
    /** When set, the next commit or write fails with this SQLSTATE (40001, 40P01…). */
    volatile String failNextCommit;
    volatile String failNextWrite;

    @Override
    public synchronized Txn begin(Isolation isolation) {
        lastIsolation = isolation;
        return new MemTxn(ids.incrementAndGet(), isolation);
    }

    @Override
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Collection<Table> tables() {
        return List.copyOf(tables.values());
    }

    @Override
    public synchronized CompletableFuture<Void> createTable(TableDef def, boolean ifNotExists) {
        if (tables.containsKey(def.name())) {
            if (ifNotExists) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.failedFuture(new SqlException("42P07", "relation \"" + def.name() + "\" already exists"));
        }
        tables.put(def.name(), new MemTable(def));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> dropTable(String name, boolean ifExists) {
        if (tables.remove(name) == null && !ifExists) {
            return CompletableFuture.failedFuture(new SqlException("42P01", "table \"" + name + "\" does not exist"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> createIndex(IndexDef def, boolean ifNotExists) {
        tables.get(def.table()).indexes.add(def);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> addPrimaryKey(String table, List<Integer> columns) {
        MemTable t = tables.get(table);
        if (!t.def.primaryKey().isEmpty()) {
            return CompletableFuture.failedFuture(new SqlException("42P16", "multiple primary keys for table \"" + table + "\" are not allowed"));
        }
        t.def = new TableDef(t.def.name(), t.def.columns(), columns);
        for (MemRow r : t.rows.values()) {
            if (t.pk.put(t.key(r.values()), r.id()) != null) {
                t.pk.clear();
                t.def = new TableDef(t.def.name(), t.def.columns(), List.of());
                return CompletableFuture.failedFuture(new SqlException("23505", "could not create unique index"));
            }
        }
        t.indexes.add(0, new IndexDef(table + "_pkey", table, columns, true));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void truncate(Txn txn, Collection<Table> tables) {
        for (Table t : tables) {
            MemTable m = (MemTable) t;
            for (MemRow r : new ArrayList<>(m.rows.values())) {
                ((MemTxn) txn).remove(m, r);
            }
        }
    }

    @Override
    public long collectGarbage() {
        gcRuns.incrementAndGet();
        return 0;
    }

    @Override
    public long memoryUsed() {
        return 0;
    }

    @Override
    public long memoryLimit() {
        return Long.MAX_VALUE;
    }

    final class MemTxn implements Txn {
        private final long id;
        private final Isolation isolation;
        private final List<Runnable> undo = new ArrayList<>();
        private final List<Map.Entry<MemTable, Long>> locked = new ArrayList<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private int statementStart;
        private boolean active = true;

        MemTxn(long id, Isolation isolation) {
            this.id = id;
            this.isolation = isolation;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public Isolation isolation() {
            return isolation;
        }

        @Override
        public void startStatement() {
            statementStart = undo.size();
        }

        @Override
        public void rollbackStatement() {
            synchronized (MemStore.this) {
                while (undo.size() > statementStart) {
                    undo.remove(undo.size() - 1).run();
                }
            }
        }

        @Override
        public Iterator<Row> scan(Table table) {
            synchronized (MemStore.this) {
                scans.incrementAndGet();
                return new ArrayList<Row>(((MemTable) table).rows.values()).iterator();
            }
        }

        @Override
        public Row get(Table table, Object[] key) {
            synchronized (MemStore.this) {
                gets.incrementAndGet();
                MemTable t = (MemTable) table;
                Long rid = t.pk.get(Arrays.asList(key));
                return rid == null ? null : t.rows.get(rid);
            }
        }

        @Override
        public Iterator<Row> range(Table table, IndexDef index, Object[] low, boolean lowInclusive, Object[] high, boolean highInclusive) {
            synchronized (MemStore.this) {
                ranges.incrementAndGet();
                List<Row> out = new ArrayList<>();
                for (MemRow r : ((MemTable) table).rows.values()) {
                    int lo = low == null ? 1 : comparePrefix(r.values(), index.columns(), low);
                    int hi = high == null ? -1 : comparePrefix(r.values(), index.columns(), high);
                    if ((lo > 0 || lo == 0 && lowInclusive) && (hi < 0 || hi == 0 && highInclusive)) {
                        out.add(r);
                    }
                }
                out.sort((a, b) -> {
                    for (int c : index.columns()) {
                        int x = compareNullsLast(a.values()[c], b.values()[c]);
                        if (x != 0) {
                            return x;
                        }
                    }
                    return 0;
                });
                return out.iterator();
            }
        }

        private static int comparePrefix(Object[] values, List<Integer> columns, Object[] bound) {
            for (int i = 0; i < bound.length; i++) {
                int c = compareNullsLast(values[columns.get(i)], bound[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private static int compareNullsLast(Object a, Object b) {
            if (a == null || b == null) {
                return a == b ? 0 : a == null ? 1 : -1;
            }
            return Values.compare(a, b);
        }

        private void lock(MemTable t, long rowId) {
            String fail = failNextWrite;
            if (fail != null) {
                failNextWrite = null;
                throw new SqlException(fail, "could not serialize access due to concurrent update");
            }
            MemTxn owner = t.locks.get(rowId);
            if (owner != null && owner != this) {
                throw new WaitFor(owner.ended);
            }
            if (owner == null) {
                t.locks.put(rowId, this);
                locked.add(Map.entry(t, rowId));
            }
        }

        @Override
        public void insert(Table table, Object[] values) {
            synchronized (MemStore.this) {
                MemTable t = (MemTable) table;
                List<Object> key = t.key(values);
                if (key != null && t.pk.containsKey(key)) {
                    Long other = t.pk.get(key);
                    lock(t, other);
                    throw new SqlException("23505", "duplicate key value violates unique constraint \"" + t.def.name() + "_pkey\"");
                }
                MemRow r = new MemRow(ids.incrementAndGet(), values.clone());
                lock(t, r.id());
                put(t, r);
                undo.add(() -> drop(t, r));
            }
        }

        private void put(MemTable t, MemRow r) {
            t.rows.put(r.id(), r);
            List<Object> key = t.key(r.values());
            if (key != null) {
                t.pk.put(key, r.id());
            }
        }

        private void drop(MemTable t, MemRow r) {
            t.rows.remove(r.id());
            List<Object> key = t.key(r.values());
            if (key != null) {
                t.pk.remove(key);
            }
        }

        @Override
        public Object[] update(Table table, Row row, Predicate<Object[]> stillMatches, UnaryOperator<Object[]> change) {
            synchronized (MemStore.this) {
                MemTable t = (MemTable) table;
                MemRow cur = t.rows.get(((MemRow) row).id());
                if (cur == null) {
                    return null;
                }
                lock(t, cur.id());
                if (cur != row && !stillMatches.test(cur.values())) {
                    return null;
                }
                MemRow next = new MemRow(cur.id(), change.apply(cur.values()));
                drop(t, cur);
                List<Object> key = t.key(next.values());
                if (key != null && t.pk.containsKey(key)) {
                    put(t, cur);
                    throw new SqlException("23505", "duplicate key value violates unique constraint \"" + t.def.name() + "_pkey\"");
                }
                put(t, next);
                undo.add(() -> {
                    drop(t, next);
                    put(t, cur);
                });
                return next.values();
            }
        }

        @Override
        public boolean delete(Table table, Row row, Predicate<Object[]> stillMatches) {
            synchronized (MemStore.this) {
                MemTable t = (MemTable) table;
                MemRow cur = t.rows.get(((MemRow) row).id());
                if (cur == null) {
                    return false;
                }
                lock(t, cur.id());
                if (cur != row && !stillMatches.test(cur.values())) {
                    return false;
                }
                remove(t, cur);
                return true;
            }
        }

        void remove(MemTable t, MemRow r) {
            drop(t, r);
            undo.add(() -> put(t, r));
        }

        @Override
        public CompletableFuture<Void> commit(boolean sync) {
            lastSync = sync;
            String fail = failNextCommit;
            if (fail != null) {
                failNextCommit = null;
                rollback();
                return CompletableFuture.failedFuture(new SqlException(fail, "could not serialize access"));
            }
            end();
            commits.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void rollback() {
            if (!active) {
                return;
            }
            synchronized (MemStore.this) {
                statementStart = 0;
                rollbackStatement();
            }
            end();
        }

        private void end() {
            synchronized (MemStore.this) {
                active = false;
                for (Map.Entry<MemTable, Long> e : locked) {
                    e.getKey().locks.remove(e.getValue());
                }
                locked.clear();
            }
            ended.complete(null);
        }

        @Override
        public boolean active() {
            return active;
        }
    }
}
