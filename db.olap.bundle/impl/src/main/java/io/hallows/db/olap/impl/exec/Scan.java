package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.expr.ColRef;
import io.hallows.db.olap.impl.expr.Expr;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads some columns of a table, one morsel per chunk. With a filter it skips chunks whose
 * min/max statistics rule the filter out, reads only the filter's columns first, and reads the
 * other columns for the matching rows only.
 */
public final class Scan extends Node {
    private final Table table;
    private final int[] columns;
    private final Expr filter; // over the output columns, or null
    private final List<ChunkSkip.Bound> bounds;
    private final BitSet filterColumns = new BitSet();

    public Scan(Table table, int[] columns, Expr filter) {
        super(types(table, columns), List.of());
        this.table = table;
        this.columns = columns.clone();
        this.filter = filter;
        this.bounds = filter == null ? List.of() : ChunkSkip.bounds(filter);
        if (filter != null) {
            collect(filter, filterColumns);
        }
    }

    private static List<Type> types(Table t, int[] columns) {
        List<Type> out = new ArrayList<>();
        for (int c : columns) {
            out.add(Type.of(t.columns().get(c)));
        }
        return out;
    }

    private static void collect(Expr e, BitSet cols) {
        if (e instanceof ColRef r) {
            cols.set(r.index());
        }
        for (Expr c : e.children()) {
            collect(c, cols);
        }
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("Scan ").append(table.name()).append(" [");
        for (int i = 0; i < columns.length; i++) {
            s.append(i == 0 ? "" : ", ").append('$').append(i).append('=').append(table.columns().get(columns[i]).name());
        }
        s.append(']');
        if (filter != null) {
            s.append(" filter ").append(filter);
        }
        return s.toString();
    }

    @Override
    public Flow open(Exec ex) {
        List<Chunk> chunks = table.chunks();
        return new Flow() {
            @Override
            public int morsels() {
                return chunks.size();
            }

            @Override
            public Batch morsel(int i) {
                long t = System.nanoTime();
                Batch b = read(chunks.get(i));
                spent(t);
                produced(b.n());
                return b;
            }
        };
    }

    private Batch read(Chunk chunk) {
        int n = chunk.rowCount();
        Vec[] cols = new Vec[columns.length];
        if (filter == null) {
            for (int c = 0; c < columns.length; c++) {
                cols[c] = Arrows.read(chunk.vectors().getVector(columns[c]), kind(c), null, n);
            }
            return new Batch(cols, n);
        }
        if (ChunkSkip.skip(bounds, chunk, columns)) {
            return Vecs.empty(types());
        }
        for (int c = filterColumns.nextSetBit(0); c >= 0; c = filterColumns.nextSetBit(c + 1)) {
            cols[c] = Arrows.read(chunk.vectors().getVector(columns[c]), kind(c), null, n);
        }
        Batch probe = new Batch(cols, n);
        int[] sel = new int[n];
        int k = Selection.of((LongVec) filter.eval(probe), n, sel);
        Vec[] out = new Vec[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (cols[c] != null) {
                out[c] = k == n ? cols[c] : cols[c].gather(sel, k);
            } else {
                out[c] = Arrows.read(chunk.vectors().getVector(columns[c]), kind(c), k == n ? null : sel, k);
            }
        }
        return new Batch(out, k);
    }

    private ColumnKind kind(int c) {
        return table.columns().get(columns[c]).kind();
    }
}
