package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.expr.ColRef;
import io.hallows.db.olap.impl.expr.Compare;
import io.hallows.db.olap.impl.expr.Const;
import io.hallows.db.olap.impl.expr.Expr;
import io.hallows.db.olap.impl.expr.Logic;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.ColumnStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chunk skipping: the conjuncts of a scan filter that compare a column with a constant, checked
 * against each chunk's min/max before any of its rows are read.
 */
final class ChunkSkip {
    /** {@code column op value}, the value as a Double (numbers, dates) or a String. */
    record Bound(int column, Compare.Op op, Object value) {}

    private ChunkSkip() {}

    static List<Bound> bounds(Expr filter) {
        List<Bound> out = new ArrayList<>();
        collect(filter, out);
        return out;
    }

    private static void collect(Expr e, List<Bound> out) {
        if (e instanceof Logic l && l.op() == Logic.Op.AND) {
            for (Expr c : l.children()) {
                collect(c, out);
            }
        } else if (e instanceof Compare c && c.op() != Compare.Op.NE) {
            if (c.left() instanceof ColRef r && c.right() instanceof Const k && !k.isNull()) {
                add(out, r, c.op(), k);
            } else if (c.right() instanceof ColRef r && c.left() instanceof Const k && !k.isNull()) {
                add(out, r, flip(c.op()), k);
            }
        }
    }

    private static void add(List<Bound> out, ColRef r, Compare.Op op, Const k) {
        ColumnKind kind = r.type().kind();
        if (kind == ColumnKind.VARCHAR && k.type().kind() == ColumnKind.VARCHAR) {
            out.add(new Bound(r.index(), op, new String(k.bytes(), StandardCharsets.UTF_8)));
        } else if (kind != ColumnKind.VARCHAR && kind != ColumnKind.BOOLEAN && k.type().kind() != ColumnKind.VARCHAR) {
            out.add(new Bound(r.index(), op, k.doubleValue()));
        }
    }

    private static Compare.Op flip(Compare.Op op) {
        return switch (op) {
            case LT -> Compare.Op.GT;
            case LE -> Compare.Op.GE;
            case GT -> Compare.Op.LT;
            case GE -> Compare.Op.LE;
            default -> op;
        };
    }

    /** True when some bound holds for no row of {@code chunk}. */
    static boolean skip(List<Bound> bounds, Chunk chunk, int[] columns) {
        for (Bound b : bounds) {
            ColumnStats s = chunk.stats().get(columns[b.column()]);
            if (s.min() == null) {
                return true; // all NULL: no comparison is true
            }
            int scale = 0;
            var def = chunk.vectors().getSchema().getFields().get(columns[b.column()]);
            String decimal = def.getMetadata() == null ? null : def.getMetadata().get(io.hallows.db.olap.impl.table.Schemas.DECIMAL_KEY);
            if (decimal != null) {
                scale = Integer.parseInt(decimal.substring(decimal.indexOf(',') + 1));
            }
            int lo = compare(s.min(), b.value(), scale);
            int hi = compare(s.max(), b.value(), scale);
            boolean none = switch (b.op()) {
                case EQ -> lo > 0 || hi < 0;
                case LT -> lo >= 0;
                case LE -> lo > 0;
                case GT -> hi <= 0;
                case GE -> hi < 0;
                default -> false;
            };
            if (none) {
                return true;
            }
        }
        return false;
    }

    private static int compare(Object stat, Object value, int scale) {
        if (value instanceof String v) {
            return ((String) stat).compareTo(v) < 0 ? -1 : ((String) stat).equals(v) ? 0 : 1;
        }
        double x = stat instanceof Long l ? (scale == 0 ? l : l / Math.pow(10, scale)) : ((Number) stat).doubleValue();
        return Double.compare(x, (Double) value);
    }
}
