package io.hallows.db.olap.impl.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Computes a chunk's {@link ColumnStats}, one pass per column. */
public final class ChunkStats {
    private ChunkStats() {}

    public static List<ColumnStats> of(VectorSchemaRoot root, List<ColumnDef> columns) {
        List<ColumnStats> out = new ArrayList<>(columns.size());
        int n = root.getRowCount();
        for (int c = 0; c < columns.size(); c++) {
            out.add(column(root.getVector(c), columns.get(c).kind(), n));
        }
        return out;
    }

    private static ColumnStats column(FieldVector v, ColumnKind kind, int n) {
        long nulls = 0;
        switch (kind) {
            case INT, BIGINT, DECIMAL, DATE: {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    if (v.isNull(i)) {
                        nulls++;
                        continue;
                    }
                    long x = switch (kind) {
                        case INT -> ((IntVector) v).get(i);
                        case DATE -> ((DateDayVector) v).get(i);
                        default -> ((BigIntVector) v).get(i);
                    };
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                return nulls == n ? new ColumnStats(null, null, nulls) : new ColumnStats(min, max, nulls);
            }
            case DOUBLE: {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                Float8Vector f = (Float8Vector) v;
                for (int i = 0; i < n; i++) {
                    if (f.isNull(i)) {
                        nulls++;
                        continue;
                    }
                    min = Math.min(min, f.get(i));
                    max = Math.max(max, f.get(i));
                }
                return nulls == n ? new ColumnStats(null, null, nulls) : new ColumnStats(min, max, nulls);
            }
            case VARCHAR: {
                String min = null;
                String max = null;
                VarCharVector s = (VarCharVector) v;
                for (int i = 0; i < n; i++) {
                    if (s.isNull(i)) {
                        nulls++;
                        continue;
                    }
                    String x = new String(s.get(i), StandardCharsets.UTF_8);
                    if (min == null || x.compareTo(min) < 0) {
                        min = x;
                    }
                    if (max == null || x.compareTo(max) > 0) {
                        max = x;
                    }
                }
                return new ColumnStats(min, max, nulls);
            }
            default: {
                boolean seenTrue = false;
                boolean seenFalse = false;
                BitVector b = (BitVector) v;
                for (int i = 0; i < n; i++) {
                    if (b.isNull(i)) {
                        nulls++;
                    } else if (b.get(i) == 1) {
                        seenTrue = true;
                    } else {
                        seenFalse = true;
                    }
                }
                return nulls == n ? new ColumnStats(null, null, nulls) : new ColumnStats(!seenFalse, seenTrue, nulls);
            }
        }
    }
}
