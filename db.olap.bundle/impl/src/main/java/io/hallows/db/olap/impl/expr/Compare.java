package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.StrVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.db.olap.impl.table.ColumnKind;
import java.util.Arrays;
import java.util.List;

/**
 * {@code = <> < <= > >=}: NULL when either side is NULL. Numbers compare at a common scale (or as
 * doubles when one is DOUBLE), strings by their UTF-8 bytes. A constant right side is compared
 * without expanding it.
 */
public final class Compare implements Expr {
    public enum Op { EQ, NE, LT, LE, GT, GE }

    private final Op op;
    private final Expr left;
    private final Expr right;
    private final int mode; // 0 long, 1 double, 2 string
    private final int scale;

    public Compare(Op op, Expr left, Expr right) {
        this.op = op;
        this.left = left;
        this.right = right;
        Type l = left.type();
        Type r = right.type();
        if (l.kind() == ColumnKind.VARCHAR || r.kind() == ColumnKind.VARCHAR) {
            mode = 2;
        } else if (l.kind() == ColumnKind.DOUBLE || r.kind() == ColumnKind.DOUBLE) {
            mode = 1;
        } else {
            mode = 0;
        }
        scale = Math.max(Num.scale(l), Num.scale(r));
    }

    public Op op() {
        return op;
    }

    public Expr left() {
        return left;
    }

    public Expr right() {
        return right;
    }

    @Override
    public Type type() {
        return Type.BOOLEAN;
    }

    @Override
    public List<Expr> children() {
        return List.of(left, right);
    }

    private static long hit(int cmp, Op op) {
        boolean r = switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
        return r ? 1 : 0;
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        Vec lv = left.eval(b);
        long[] out = new long[n];
        if (right instanceof Const c && !c.isNull() && mode != 1) {
            if (mode == 0) {
                long[] x = Num.upscale(lv, Num.scale(left.type()), scale, n);
                long y = c.longValue() * Num.POW10[scale - Num.scale(right.type())];
                for (int i = 0; i < n; i++) {
                    out[i] = hit(Long.compare(x[i], y), op);
                }
            } else {
                StrVec s = (StrVec) lv;
                byte[] y = c.bytes();
                for (int i = 0; i < n; i++) {
                    out[i] = hit(Arrays.compareUnsigned(s.data, s.off[i], s.off[i + 1], y, 0, y.length), op);
                }
            }
            return new LongVec(out, lv.nulls);
        }
        Vec rv = right.eval(b);
        boolean[] nulls = Vec.orNulls(lv.nulls, rv.nulls, n);
        if (mode == 0) {
            long[] x = Num.upscale(lv, Num.scale(left.type()), scale, n);
            long[] y = Num.upscale(rv, Num.scale(right.type()), scale, n);
            for (int i = 0; i < n; i++) {
                out[i] = hit(Long.compare(x[i], y[i]), op);
            }
        } else if (mode == 1) {
            double[] x = Num.doubles(lv, left.type(), n);
            double[] y = Num.doubles(rv, right.type(), n);
            for (int i = 0; i < n; i++) {
                out[i] = hit(Double.compare(x[i], y[i]), op);
            }
        } else {
            StrVec x = (StrVec) lv;
            StrVec y = (StrVec) rv;
            for (int i = 0; i < n; i++) {
                out[i] = hit(StrVec.compare(x, i, y, i), op);
            }
        }
        return new LongVec(out, nulls);
    }

    @Override
    public String toString() {
        String sym = switch (op) {
            case EQ -> " = ";
            case NE -> " <> ";
            case LT -> " < ";
            case LE -> " <= ";
            case GT -> " > ";
            case GE -> " >= ";
        };
        return left + sym + right;
    }
}
