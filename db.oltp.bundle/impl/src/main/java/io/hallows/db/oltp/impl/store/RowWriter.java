package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The write paths of one transaction. A write claims a row by pushing its version over the
 * chain's head; a head written by another running transaction makes it wait ({@link WaitFor});
 * a head committed after the snapshot is re-checked (READ COMMITTED) or refused with 40001.
 * Secondary index entries are added after the push, so that an index being built sees the
 * version or the write sees the index.
 */
final class RowWriter {
    private final MvccTxn txn;

    RowWriter(MvccTxn txn) {
        this.txn = txn;
    }

    void insert(TableState table, Object[] values) {
        TableState.Layout l = table.layout();
        table.check(l, values);
        insertAt(table, l, table.newKey(l, values), values);
    }

    Object[] update(TableState table, Version read, Predicate<Object[]> stillMatches, UnaryOperator<Object[]> change) {
        return write(table, read, stillMatches, change);
    }

    boolean delete(TableState table, Version read, Predicate<Object[]> stillMatches) {
        return write(table, read, stillMatches, null) != null;
    }

    /** Updates (or with no {@code change}, deletes) {@code read}'s row; returns the new (or old) values, or null. */
    private Object[] write(TableState table, Version read, Predicate<Object[]> stillMatches, UnaryOperator<Object[]> change) {
        while (true) {
            Chain c = read.chain;
            Version h = c.head();
            Version base = claim(h, read);
            if (base == RETRY) {
                continue;
            }
            if (base == null || base.deleted() || base != read && !stillMatches.test(base.values)) {
                return null;
            }
            if (change == null) {
                if (push(table, c, h, null)) {
                    return base.values;
                }
                continue;
            }
            Object[] values = change.apply(base.values);
            TableState.Layout l = table.layout();
            table.check(l, values);
            if (table.keyChanges(l, base.values, values)) {
                if (!push(table, c, h, null)) {
                    continue;
                }
                try {
                    insertAt(table, l, table.newKey(l, values), values);
                } catch (RuntimeException e) {
                    txn.undoLastWrite();
                    throw e;
                }
                return values;
            }
            if (push(table, c, h, values)) {
                return values;
            }
        }
    }

    private static final Version RETRY = Version.committed(null, null, 0, Long.MAX_VALUE);

    /**
     * The version a write of {@code read}'s row builds on: the head once this transaction may
     * write over it, null when the row is gone or this statement already wrote it, {@link #RETRY}
     * when the head is changing hands.
     */
    private Version claim(Version h, Version read) {
        if (h == null || h == Chain.RETIRED) {
            return null;
        }
        if (!settled(h)) {
            return RETRY;
        }
        if (h.pending()) {
            return h.statement == txn.statement() && h != read ? null : h;
        }
        if (h != read && h.ts > txn.snapshot() && txn.isolation() != Isolation.READ_COMMITTED) {
            throw txn.store().serializationFailure("could not serialize access due to concurrent update");
        }
        return h;
    }

    /**
     * False while head {@code h} changes hands (being undone, or committing): look again. Throws
     * {@link WaitFor} when another running transaction wrote it; true when it is committed or ours.
     */
    private boolean settled(Version h) {
        long ts = h.ts;
        if (ts == Version.ABORTED) {
            Thread.onSpinWait();
            return false;
        }
        if (ts == 0) {
            MvccTxn owner = h.owner;
            if (owner == null) {
                return false;
            }
            if (owner != txn) {
                throw txn.mustWait(owner);
            }
        }
        return true;
    }

    /** Pushes a new version (null values: a deletion) over {@code h}; false when the head moved. */
    private boolean push(TableState table, Chain c, Version h, Object[] values) {
        int bytes = MemoryMeter.estimate(values);
        MemoryMeter meter = txn.store().meter();
        if (values == null) {
            meter.force(bytes);
        } else {
            meter.reserve(bytes);
        }
        Version v = new Version(values, c, bytes, txn, txn.statement());
        if (!c.push(h, v)) {
            meter.release(bytes, 1);
            return false;
        }
        txn.recordWrite(new Write(table, v, h));
        c.trim(txn.store().horizon(), meter);
        if (values != null) {
            try {
                index(table, v, h);
            } catch (RuntimeException e) {
                // A unique index refused the row, or must wait: the write did not happen.
                txn.undoLastWrite();
                throw e;
            }
        }
        return true;
    }

    private void insertAt(TableState table, TableState.Layout l, Object[] key, Object[] values) {
        while (true) {
            Chain c = l.primary().get(key);
            if (c == null) {
                Chain fresh = new Chain(key);
                c = l.primary().putIfAbsent(key, fresh);
                if (c == null) {
                    c = fresh;
                }
            }
            Version h = c.head();
            if (h == Chain.RETIRED) {
                l.primary().remove(key, c);
                continue;
            }
            if (h != null && !insertable(table, h)) {
                continue;
            }
            if (push(table, c, h, values)) {
                return;
            }
        }
    }

    /** True when a row may be inserted over head {@code h}; false to look again. */
    private boolean insertable(TableState table, Version h) {
        if (!settled(h)) {
            return false;
        }
        if (!h.deleted()) {
            throw duplicate(table.indexes().get(0).name(), h.ts);
        }
        return true;
    }

    private SqlException duplicate(String index, long ts) {
        if (ts > txn.snapshot() && txn.isolation() == Isolation.SERIALIZABLE) {
            return txn.store().serializationFailure("could not serialize access: key inserted by a concurrent transaction");
        }
        return new SqlException("23505", "duplicate key value violates unique constraint \"" + index + "\"");
    }

    private void index(TableState table, Version v, Version prior) {
        for (SecondaryIndex s : table.layout().secondaries()) {
            if (prior == null || prior.values == null || !s.sameKey(prior.values, v.values)) {
                s.add(v);
            }
            if (s.constrains(v.values)) {
                checkUnique(s, v);
            }
        }
    }

    /** Fails (23505) or waits when another row holds {@code v}'s key in unique index {@code s}. */
    private void checkUnique(SecondaryIndex s, Version v) {
        Object[] prefix = s.prefix(v.values);
        var same = s.entries.subMap(Keys.bound(prefix, true, true), true, Keys.bound(prefix, true, false), true);
        for (Chain o : same.values()) {
            if (o == v.chain) {
                continue;
            }
            for (Version x = o.head(); x != null; x = x.next) {
                long ts = x.ts;
                if (ts == Version.ABORTED || x == Chain.RETIRED) {
                    continue;
                }
                boolean holds = x.values != null && s.matches(prefix, x.values);
                if (ts == 0) {
                    MvccTxn owner = x.owner;
                    if (owner != null && owner != txn) {
                        if (holds || holdsBelow(s, prefix, x)) {
                            throw txn.mustWait(owner);
                        }
                        break;
                    }
                }
                if (holds) {
                    throw duplicate(s.def.name(), ts);
                }
                break;
            }
        }
    }

    private static boolean holdsBelow(SecondaryIndex s, Object[] prefix, Version pending) {
        for (Version x = pending.next; x != null; x = x.next) {
            if (x.committed()) {
                return x.values != null && s.matches(prefix, x.values);
            }
        }
        return false;
    }
}
