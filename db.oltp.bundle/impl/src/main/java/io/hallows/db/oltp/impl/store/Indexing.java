package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentSkipListMap;

/** Index builds for DDL: filling a new secondary index, finding duplicates, re-keying a table by a new primary key. */
final class Indexing {
    private Indexing() {
    }

    /** Adds an entry for every live version of every row (so that every snapshot finds its rows). */
    static void fill(SecondaryIndex s, ConcurrentSkipListMap<Object[], Chain> primary) {
        for (Chain c : primary.values()) {
            for (Version v = c.head(); v != null; v = v.next) {
                if (v.values != null && v.ts != Version.ABORTED) {
                    s.add(v);
                }
            }
        }
    }

    /** The first key (as text) that two rows' newest versions share in unique index {@code s}, or null. */
    static String firstDuplicate(SecondaryIndex s) {
        Chain holder = null;
        Object[] held = null;
        for (var e : s.entries.entrySet()) {
            Version newest = newest(e.getValue());
            if (newest == null || newest.values == null || !s.matches(e.getKey(), newest.values)
                    || !s.constrains(newest.values)) {
                continue;
            }
            Object[] prefix = s.prefix(newest.values);
            if (held != null && holder != e.getValue() && Keys.compare(held, prefix) == 0) {
                return text(prefix);
            }
            holder = e.getValue();
            held = prefix;
        }
        return null;
    }

    private static Version newest(Chain c) {
        for (Version v = c.head(); v != null; v = v.next) {
            if (v.ts != Version.ABORTED && v != Chain.RETIRED) {
                return v;
            }
        }
        return null;
    }

    private static String text(Object[] key) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object o : key) {
            j.add(String.valueOf(o));
        }
        return j.toString();
    }

    /** {@code def} with {@code columns} as its primary key, NOT NULL. */
    static TableDef withPrimaryKey(TableDef def, List<Integer> columns) {
        List<ColumnDef> cols = new ArrayList<>(def.columns());
        for (int c : columns) {
            ColumnDef col = cols.get(c);
            cols.set(c, new ColumnDef(col.name(), col.type(), col.length(), col.scale(), true));
        }
        return new TableDef(def.name(), cols, columns);
    }

    /**
     * The rows of {@code old} keyed by {@code def}'s primary key, each a chain of its newest
     * committed version (older versions are dropped: adding a primary key is not transactional).
     * Fails with 55006 while a transaction is writing the table, 23502 or 23505 on a bad key.
     */
    static ConcurrentSkipListMap<Object[], Chain> rekey(TableState t, TableState.Layout old, TableDef def, MemoryMeter meter) {
        int[] pk = def.primaryKey().stream().mapToInt(Integer::intValue).toArray();
        ConcurrentSkipListMap<Object[], Chain> primary = new ConcurrentSkipListMap<>(Keys.ORDER);
        long dropped = 0;
        long droppedCount = 0;
        for (Chain c : old.primary().values()) {
            Version h = c.head();
            if (h != null && h.pending()) {
                throw new SqlException("55006", "cannot add a primary key to table \"" + def.name()
                        + "\": a transaction is writing it; retry when it has ended");
            }
            for (Version v = h == null ? null : h.next; v != null; v = v.next) {
                dropped += v.bytes;
                droppedCount++;
            }
            if (h == null || h == Chain.RETIRED || h.values == null) {
                continue;
            }
            Object[] key = Keys.project(h.values, pk, new Object[0]);
            for (int i = 0; i < pk.length; i++) {
                if (key[i] == null) {
                    throw new SqlException("23502", "column \"" + def.columns().get(pk[i]).name() + "\" of relation \""
                            + def.name() + "\" contains null values");
                }
            }
            Chain n = new Chain(key);
            n.push(null, Version.committed(h.values, n, h.bytes, h.ts));
            if (primary.putIfAbsent(key, n) != null) {
                throw new SqlException("23505", "could not create unique index \"" + def.name() + "_pkey\"", 0,
                        "Key " + text(key) + " is duplicated.", null, null);
            }
        }
        meter.release(dropped, droppedCount);
        return primary;
    }
}
