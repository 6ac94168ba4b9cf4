package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.DoubleVec;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.SqlException;
import java.util.List;

/**
 * {@code + - * /} on numbers. Integers and DECIMALs are exact scaled longs: a sum or difference
 * has the larger scale, a product the sum of the scales. A quotient with a DECIMAL or DOUBLE
 * operand is DOUBLE (as DuckDB computes it); integer by integer divides as integers.
 */
public final class Arith implements Expr {
    public enum Op { ADD, SUB, MUL, DIV }

    private final Op op;
    private final Expr left;
    private final Expr right;
    private final Type type;
    private final boolean isDouble;

    public Arith(Op op, Expr left, Expr right) {
        this.op = op;
        this.left = left;
        this.right = right;
        Type l = left.type();
        Type r = right.type();
        boolean anyDecimal = l.kind() == ColumnKind.DECIMAL || r.kind() == ColumnKind.DECIMAL;
        isDouble = l.kind() == ColumnKind.DOUBLE || r.kind() == ColumnKind.DOUBLE || (op == Op.DIV && anyDecimal);
        if (isDouble) {
            type = Type.DOUBLE;
        } else if (anyDecimal) {
            int s = op == Op.MUL ? Num.scale(l) + Num.scale(r) : Math.max(Num.scale(l), Num.scale(r));
            type = Type.decimal(18, s);
        } else {
            type = l.kind() == ColumnKind.INT && r.kind() == ColumnKind.INT ? Type.INT : Type.BIGINT;
        }
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public List<Expr> children() {
        return List.of(left, right);
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        Vec lv = left.eval(b);
        Vec rv = right.eval(b);
        boolean[] nulls = Vec.orNulls(lv.nulls, rv.nulls, n);
        if (isDouble) {
            double[] x = Num.doubles(lv, left.type(), n);
            double[] y = Num.doubles(rv, right.type(), n);
            double[] out = new double[n];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) out[i] = x[i] + y[i]; }
                case SUB -> { for (int i = 0; i < n; i++) out[i] = x[i] - y[i]; }
                case MUL -> { for (int i = 0; i < n; i++) out[i] = x[i] * y[i]; }
                case DIV -> {
                    for (int i = 0; i < n; i++) {
                        if (y[i] == 0 && (nulls == null || !nulls[i])) {
                            throw new SqlException("22012", "division by zero");
                        }
                        out[i] = x[i] / y[i];
                    }
                }
            }
            return new DoubleVec(out, nulls);
        }
        int ls = Num.scale(left.type());
        int rs = Num.scale(right.type());
        long[] x;
        long[] y;
        if (op == Op.MUL || op == Op.DIV) {
            x = ((LongVec) lv).v;
            y = ((LongVec) rv).v;
        } else {
            int s = Math.max(ls, rs);
            x = Num.upscale(lv, ls, s, n);
            y = Num.upscale(rv, rs, s, n);
        }
        long[] out = new long[n];
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = x[i] + y[i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = x[i] - y[i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = x[i] * y[i]; }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    if (y[i] == 0) {
                        throw new SqlException("22012", "division by zero");
                    }
                    out[i] = x[i] / y[i];
                }
            }
        }
        return new LongVec(out, nulls);
    }

    @Override
    public String toString() {
        String sym = switch (op) {
            case ADD -> " + ";
            case SUB -> " - ";
            case MUL -> " * ";
            case DIV -> " / ";
        };
        return "(" + left + sym + right + ")";
    }
}
