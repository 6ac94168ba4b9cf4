package io.hallows.db.olap.impl.plan;

import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.ColumnStats;
import io.hallows.db.olap.impl.table.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Distinct values per integer column of a table, for join ordering: counted exactly with one
 * bitmap over the column's min..max range (only for columns without NULLs whose range is at most
 * 8 times the row count, i.e. key-like columns; others are unknown). A column with as many
 * distinct values as rows is a key: a join to it cannot multiply rows. Remembered for the last
 * tables seen (tables are immutable).
 */
final class ColumnDistincts {
    private static final Map<Table, long[]> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Table, long[]> e) {
            return size() > 64;
        }
    };

    private ColumnDistincts() {}

    /** The distinct count of each column, -1 where unknown. */
    static long[] of(Table table) {
        synchronized (CACHE) {
            for (Map.Entry<Table, long[]> e : CACHE.entrySet()) {
                if (e.getKey() == table) {
                    return e.getValue();
                }
            }
        }
        long rows = table.rowCount();
        long[] ndv = new long[table.columns().size()];
        for (int c = 0; c < ndv.length; c++) {
            ColumnKind kind = table.columns().get(c).kind();
            ndv[c] = rows > 0 && (kind == ColumnKind.INT || kind == ColumnKind.BIGINT) ? count(table, c, rows) : -1;
        }
        synchronized (CACHE) {
            CACHE.put(table, ndv);
        }
        return ndv;
    }

    /** The single columns that are keys. */
    static List<ImmutableBitSet> keys(Table table) {
        long[] ndv = of(table);
        List<ImmutableBitSet> keys = new ArrayList<>();
        for (int c = 0; c < ndv.length; c++) {
            if (ndv[c] == table.rowCount()) {
                keys.add(ImmutableBitSet.of(c));
            }
        }
        return keys;
    }

    private static long count(Table table, int c, long rows) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Chunk ch : table.chunks()) {
            ColumnStats s = ch.stats().get(c);
            if (s.nulls() > 0 || s.min() == null) {
                return -1;
            }
            min = Math.min(min, (Long) s.min());
            max = Math.max(max, (Long) s.max());
        }
        long range = max - min + 1;
        if (range > 8 * rows || range > Integer.MAX_VALUE) {
            return -1;
        }
        BitSet seen = new BitSet((int) range);
        boolean wide = table.columns().get(c).kind() == ColumnKind.BIGINT;
        for (Chunk ch : table.chunks()) {
            FieldVector v = ch.vectors().getVector(c);
            ArrowBuf data = v.getDataBuffer();
            for (int i = 0, n = ch.rowCount(); i < n; i++) {
                long x = wide ? data.getLong((long) i << 3) : data.getInt((long) i << 2);
                seen.set((int) (x - min));
            }
        }
        return seen.cardinality();
    }
}
