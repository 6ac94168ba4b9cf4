package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A table: its definition, its primary index of row chains (keyed by the primary key, or by a
 * hidden row id when it has none) and its secondary indexes. DDL replaces the {@link Layout} as a
 * whole, so a reader that took one sees a consistent definition and set of indexes.
 */
final class TableState implements Table {
    private static final Object[] NO_SUFFIX = new Object[0];

    /** One consistent state of the table's definition and indexes. */
    record Layout(TableDef def, int[] primaryKey, ConcurrentSkipListMap<Object[], Chain> primary,
            List<SecondaryIndex> secondaries, List<IndexDef> indexes) {
        boolean hiddenKey() {
            return primaryKey.length == 0;
        }
    }

    private volatile Layout layout;
    private final AtomicLong nextRowId = new AtomicLong(1);
    private final LongAdder liveRows = new LongAdder();

    TableState(TableDef def) {
        this.layout = layout(def, new ConcurrentSkipListMap<>(Keys.ORDER), List.of());
    }

    private static Layout layout(TableDef def, ConcurrentSkipListMap<Object[], Chain> primary, List<SecondaryIndex> secondaries) {
        int[] pk = def.primaryKey().stream().mapToInt(Integer::intValue).toArray();
        List<IndexDef> defs = new ArrayList<>();
        if (pk.length > 0) {
            defs.add(primaryIndexDef(def));
        }
        secondaries.forEach(s -> defs.add(s.def));
        return new Layout(def, pk, primary, List.copyOf(secondaries), List.copyOf(defs));
    }

    static IndexDef primaryIndexDef(TableDef def) {
        return new IndexDef(def.name() + "_pkey", def.name(), def.primaryKey(), true);
    }

    Layout layout() {
        return layout;
    }

    @Override
    public TableDef def() {
        return layout.def;
    }

    @Override
    public List<IndexDef> indexes() {
        return layout.indexes;
    }

    @Override
    public long approximateRows() {
        return Math.max(0, liveRows.sum());
    }

    String name() {
        return layout.def.name();
    }

    void countRows(int delta) {
        liveRows.add(delta);
    }

    /** The primary key of a row in {@code l}, or a new hidden row id. */
    Object[] newKey(Layout l, Object[] values) {
        if (l.hiddenKey()) {
            return new Object[] {nextRowId.getAndIncrement()};
        }
        return Keys.project(values, l.primaryKey, NO_SUFFIX);
    }

    /** Recovery met hidden row id {@code id}: later ids must be above it. */
    void sawRowId(Object[] key, Layout l) {
        if (l.hiddenKey() && key.length == 1 && key[0] instanceof Long id) {
            nextRowId.accumulateAndGet(id + 1, Math::max);
        }
    }

    /** True when the update from {@code a} to {@code b} changes the primary key. */
    boolean keyChanges(Layout l, Object[] a, Object[] b) {
        for (int c : l.primaryKey) {
            if (Keys.compareValues(a[c], b[c]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Adds a secondary index (entries are then added for every write). */
    void addSecondary(SecondaryIndex index) {
        Layout l = layout;
        List<SecondaryIndex> s = new ArrayList<>(l.secondaries);
        s.add(index);
        layout = layout(l.def, l.primary, s);
    }

    void removeSecondary(SecondaryIndex index) {
        Layout l = layout;
        List<SecondaryIndex> s = new ArrayList<>(l.secondaries);
        s.remove(index);
        layout = layout(l.def, l.primary, s);
    }

    /** Replaces the definition and primary index (adding a primary key rebuilds the rows). */
    void replacePrimary(TableDef def, ConcurrentSkipListMap<Object[], Chain> primary, List<SecondaryIndex> secondaries) {
        layout = layout(def, primary, secondaries);
    }

    /** Enforces NOT NULL (23502) and the length of {@code varchar(n)}/{@code char(n)} (22001). */
    void check(Layout l, Object[] values) {
        List<ColumnDef> cols = l.def.columns();
        if (values.length != cols.size()) {
            throw new SqlException("42601", "table \"" + l.def.name() + "\" has " + cols.size()
                    + " columns, the row has " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            ColumnDef c = cols.get(i);
            Object v = values[i];
            if (v == null) {
                if (c.notNull() || isKeyColumn(l, i)) {
                    throw new SqlException("23502", "null value in column \"" + c.name()
                            + "\" of relation \"" + l.def.name() + "\" violates not-null constraint");
                }
            } else if (c.length() >= 0 && v instanceof String s && tooLong(c, s)) {
                String type = c.type() == SqlType.BPCHAR ? "character" : "character varying";
                throw new SqlException("22001", "value too long for type " + type + "(" + c.length() + ")");
            }
        }
    }

    private static boolean isKeyColumn(Layout l, int column) {
        for (int c : l.primaryKey) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    private static boolean tooLong(ColumnDef c, String s) {
        if (c.type() != SqlType.VARCHAR && c.type() != SqlType.BPCHAR) {
            return false;
        }
        int end = s.length();
        if (c.type() == SqlType.BPCHAR) {
            while (end > 0 && s.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return s.codePointCount(0, end) > c.length();
    }
}
