package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * ALTER TABLE … ADD COLUMN / DROP COLUMN: a new definition and every row rewritten to it, as one
 * replacement of the table's layout under the commit lock (like adding a primary key). Each row
 * keeps its newest committed version only (older ones serve snapshots taken before the change,
 * which must not see a row of another shape); a row a running transaction is writing refuses the
 * change (55006), to be retried once it ended. An added column is NULL in every row (so NOT NULL
 * needs an empty table); a dropped column must not be in the primary key or an index.
 */
final class Columns {
    private Columns() {
    }

    /** The table with {@code column} added at the end, or null when it exists and {@code ifNotExists}. */
    static TableDef added(TableState t, ColumnDef column, boolean ifNotExists) {
        TableDef old = t.def();
        if (index(old, column.name()) >= 0) {
            if (ifNotExists) {
                return null;
            }
            throw new SqlException("42701", "column \"" + column.name() + "\" of relation \"" + old.name() + "\" already exists");
        }
        List<ColumnDef> cols = new ArrayList<>(old.columns());
        cols.add(column);
        return new TableDef(old.name(), cols, old.primaryKey());
    }

    /** The column's index in {@code def}, or -1. */
    static int index(TableDef def, String name) {
        for (int i = 0; i < def.columns().size(); i++) {
            if (def.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The table without column {@code drop}: refused when the key or an index uses it. */
    static TableDef dropped(TableState.Layout l, int drop) {
        TableDef old = l.def();
        String name = old.columns().get(drop).name();
        if (old.primaryKey().contains(drop)) {
            throw new SqlException("2BP01", "cannot drop column \"" + name + "\" of relation \"" + old.name()
                    + "\": the primary key uses it");
        }
        for (SecondaryIndex s : l.secondaries()) {
            if (s.def.columns().contains(drop)) {
                throw new SqlException("2BP01", "cannot drop column \"" + name + "\" of relation \"" + old.name()
                        + "\": index \"" + s.def.name() + "\" uses it");
            }
        }
        List<ColumnDef> cols = new ArrayList<>(old.columns());
        cols.remove(drop);
        return new TableDef(old.name(), cols, shifted(old.primaryKey(), drop));
    }

    /** Column indexes after column {@code drop} is removed (-1: none removed). */
    static List<Integer> shifted(List<Integer> columns, int drop) {
        return columns.stream().map(c -> drop >= 0 && c > drop ? c - 1 : c).toList();
    }

    /**
     * The rows of {@code old} in the shape of {@code def}: {@code drop} is the index of the column
     * removed, or -1 when one is added at the end.
     */
    static ConcurrentSkipListMap<Object[], Chain> reshape(TableState.Layout old, TableDef def, int drop, MemoryMeter meter) {
        ConcurrentSkipListMap<Object[], Chain> primary = new ConcurrentSkipListMap<>(Keys.ORDER);
        long released = 0;
        long count = 0;
        for (Chain c : old.primary().values()) {
            Version h = c.head();
            if (h != null && h.pending()) {
                throw new SqlException("55006", "cannot alter table \"" + def.name() + "\": a transaction is writing it;"
                        + " retry when it has ended");
            }
            for (Version v = h == null ? null : h.next; v != null; v = v.next) {
                released += v.bytes;
                count++;
            }
            if (h == null || h == Chain.RETIRED || h.values == null) {
                continue;
            }
            Chain n = new Chain(c.key);
            n.push(null, Version.committed(row(h.values, def.columns().size(), drop), n, h.bytes, h.ts));
            primary.put(c.key, n);
        }
        meter.release(released, count);
        return primary;
    }

    private static Object[] row(Object[] values, int width, int drop) {
        Object[] out = new Object[width];
        if (drop < 0) {
            System.arraycopy(values, 0, out, 0, values.length);
        } else {
            System.arraycopy(values, 0, out, 0, drop);
            System.arraycopy(values, drop + 1, out, drop, values.length - drop - 1);
        }
        return out;
    }

    /** The secondary indexes of {@code old} rebuilt over {@code primary}, their columns renumbered. */
    static List<SecondaryIndex> secondaries(TableState.Layout old, int drop, ConcurrentSkipListMap<Object[], Chain> primary) {
        List<SecondaryIndex> out = new ArrayList<>();
        for (SecondaryIndex s : old.secondaries()) {
            IndexDef d = new IndexDef(s.def.name(), s.def.table(), shifted(s.def.columns(), drop), s.def.unique());
            SecondaryIndex rebuilt = new SecondaryIndex(d);
            Indexing.fill(rebuilt, primary);
            out.add(rebuilt);
        }
        return out;
    }
}
