package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import java.util.List;

/** AND, OR and NOT with SQL's three-valued logic; IS [NOT] NULL, IS [NOT] TRUE/FALSE (never NULL). */
public final class Logic implements Expr {
    public enum Op { AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE }

    private final Op op;
    private final List<Expr> args;

    public Logic(Op op, List<Expr> args) {
        this.op = op;
        this.args = List.copyOf(args);
    }

    public Op op() {
        return op;
    }

    @Override
    public Type type() {
        return Type.BOOLEAN;
    }

    @Override
    public List<Expr> children() {
        return args;
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        switch (op) {
            case AND, OR -> {
                return andOr(b, n, op == Op.AND);
            }
            case NOT -> {
                LongVec v = (LongVec) args.get(0).eval(b);
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = v.v[i] ^ 1;
                }
                return new LongVec(out, v.nulls);
            }
            default -> {
                Vec v = args.get(0).eval(b);
                long[] out = new long[n];
                long[] x = v instanceof LongVec l ? l.v : null;
                for (int i = 0; i < n; i++) {
                    boolean isNull = v.isNull(i);
                    boolean r = switch (op) {
                        case IS_NULL -> isNull;
                        case IS_NOT_NULL -> !isNull;
                        case IS_TRUE -> !isNull && x[i] == 1;
                        case IS_NOT_TRUE -> isNull || x[i] != 1;
                        case IS_FALSE -> !isNull && x[i] == 0;
                        default -> isNull || x[i] != 0;
                    };
                    out[i] = r ? 1 : 0;
                }
                return new LongVec(out, null);
            }
        }
    }

    /** AND: false wins over NULL wins over true; OR: true wins over NULL wins over false. */
    private Vec andOr(Batch b, int n, boolean and) {
        long dominant = and ? 0 : 1;
        long[] out = new long[n];
        java.util.Arrays.fill(out, 0, n, 1 - dominant);
        boolean[] nulls = null;
        for (Expr e : args) {
            LongVec v = (LongVec) e.eval(b);
            for (int i = 0; i < n; i++) {
                if (v.nulls != null && v.nulls[i]) {
                    if (out[i] != dominant) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[i] = true;
                    }
                } else if (v.v[i] == dominant) {
                    out[i] = dominant;
                }
            }
        }
        if (nulls != null) {
            for (int i = 0; i < n; i++) {
                if (out[i] == dominant) {
                    nulls[i] = false;
                }
            }
        }
        return new LongVec(out, nulls);
    }

    @Override
    public String toString() {
        return switch (op) {
            case AND, OR -> "(" + String.join(" " + op + " ", args.stream().map(Object::toString).toList()) + ")";
            case NOT -> "NOT " + args.get(0);
            default -> args.get(0) + " " + op.name().replace('_', ' ');
        };
    }
}
