package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The read paths: no lock, no write; each row is its chain's version visible to the reader's
 * snapshot. SERIALIZABLE readers record what they read (keys, ranges, whole tables) for the
 * validation at commit.
 */
final class Reads {
    private Reads() {
    }

    static Iterator<Row> scan(MvccTxn txn, TableState table) {
        if (txn.reads() != null) {
            txn.reads().scan(table);
        }
        return new Visible(txn, table.layout().primary().values().iterator(), null);
    }

    static Row get(MvccTxn txn, TableState table, Object[] key) {
        if (txn.reads() != null) {
            txn.reads().point(table, key);
        }
        Chain c = table.layout().primary().get(key);
        if (c == null) {
            return null;
        }
        Version h = c.head();
        return h == null ? null : h.visibleFrom(txn, txn.snapshot(), txn.statement());
    }

    static Iterator<Row> range(MvccTxn txn, TableState table, IndexDef index, Object[] low, boolean lowInclusive,
            Object[] high, boolean highInclusive) {
        TableState.Layout l = table.layout();
        Object[] from = Keys.bound(low, lowInclusive, true);
        Object[] to = Keys.bound(high, highInclusive, false);
        if (Keys.compare(from, to) > 0) {
            return java.util.Collections.emptyIterator();
        }
        if (!l.hiddenKey() && index.name().equals(l.indexes().get(0).name())) {
            if (txn.reads() != null) {
                txn.reads().range(table, l.primaryKey(), from, to);
            }
            return new Visible(txn, l.primary().subMap(from, true, to, true).values().iterator(), null);
        }
        for (SecondaryIndex s : l.secondaries()) {
            if (s.def.name().equals(index.name())) {
                if (txn.reads() != null) {
                    txn.reads().range(table, s.columns, from, to);
                }
                return new Visible(txn, s.entries.subMap(from, true, to, true).entrySet().iterator(), s);
            }
        }
        throw new SqlException("42704", "index \"" + index.name() + "\" of table \"" + table.name() + "\" does not exist");
    }

    /**
     * The visible versions of chains from a primary iterator (index null) or of index entries,
     * skipping an entry whose visible version no longer has the entry's values.
     */
    private static final class Visible implements Iterator<Row> {
        private final MvccTxn txn;
        private final Iterator<?> source;
        private final SecondaryIndex index;
        private final long snapshot;
        private final int statement;
        private Version next;

        Visible(MvccTxn txn, Iterator<?> source, SecondaryIndex index) {
            this.txn = txn;
            this.source = source;
            this.index = index;
            this.snapshot = txn.snapshot();
            this.statement = txn.statement();
        }

        @Override
        public boolean hasNext() {
            while (next == null && source.hasNext()) {
                Object o = source.next();
                if (index == null) {
                    next = visible((Chain) o);
                } else {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                    Version v = visible((Chain) e.getValue());
                    next = v != null && index.matches((Object[]) e.getKey(), v.values) ? v : null;
                }
            }
            return next != null;
        }

        private Version visible(Chain c) {
            Version h = c.head();
            return h == null ? null : h.visibleFrom(txn, snapshot, statement);
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Version v = next;
            next = null;
            return v;
        }
    }
}
