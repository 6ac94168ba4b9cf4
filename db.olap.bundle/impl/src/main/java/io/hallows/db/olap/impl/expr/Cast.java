package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.DoubleVec;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.StrVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.SqlException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * CAST between numbers (rescaling DECIMALs with PostgreSQL's rounding, half away from zero),
 * VARCHAR to DATE and to numbers, and the no-op casts between string types.
 */
public final class Cast implements Expr {
    private final Expr in;
    private final Type to;

    public Cast(Expr in, Type to) {
        this.in = in;
        this.to = to;
        Type from = in.type();
        boolean ok = from.kind() == to.kind() && to.kind() != ColumnKind.DECIMAL
                || from.isNumeric() && to.isNumeric()
                || from.kind() == ColumnKind.VARCHAR && (to.isNumeric() || to.kind() == ColumnKind.DATE)
                || from.kind() == ColumnKind.BOOLEAN && to.kind() == ColumnKind.BOOLEAN;
        if (!ok) {
            throw new SqlException("0A000", "CAST from " + from + " to " + to + " is not supported by the OLAP engine");
        }
    }

    @Override
    public Type type() {
        return to;
    }

    @Override
    public List<Expr> children() {
        return List.of(in);
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        Vec v = in.eval(b);
        Type from = in.type();
        if (from.equals(to) || from.kind() == to.kind() && to.kind() != ColumnKind.DECIMAL) {
            return v;
        }
        if (from.kind() == ColumnKind.VARCHAR) {
            return parse((StrVec) v, n);
        }
        if (to.kind() == ColumnKind.DOUBLE) {
            return new DoubleVec(Num.doubles(v, from, n), v.nulls);
        }
        int ts = Num.scale(to);
        long[] out = new long[n];
        if (v instanceof DoubleVec d) {
            double f = Num.POW10[ts];
            for (int i = 0; i < n; i++) {
                out[i] = Math.round(d.v[i] * f);
            }
            return new LongVec(out, v.nulls);
        }
        long[] x = ((LongVec) v).v;
        int fs = Num.scale(from);
        if (ts >= fs) {
            return new LongVec(Num.upscale(v, fs, ts, n), v.nulls);
        }
        for (int i = 0; i < n; i++) {
            out[i] = Num.downscale(x[i], fs - ts);
        }
        return new LongVec(out, v.nulls);
    }

    private Vec parse(StrVec s, int n) {
        long[] longs = to.kind() == ColumnKind.DOUBLE ? null : new long[n];
        double[] doubles = longs == null ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            if (s.isNull(i)) {
                continue;
            }
            String text = new String(s.data, s.off[i], s.length(i), StandardCharsets.UTF_8).trim();
            try {
                switch (to.kind()) {
                    case DATE -> longs[i] = LocalDate.parse(text).toEpochDay();
                    case DOUBLE -> doubles[i] = Double.parseDouble(text);
                    default -> longs[i] = new java.math.BigDecimal(text).movePointRight(Num.scale(to))
                            .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                }
            } catch (RuntimeException e) {
                throw new SqlException("22P02", "invalid input syntax for type " + to + ": \"" + text + "\"");
            }
        }
        return longs == null ? new DoubleVec(doubles, s.nulls) : new LongVec(longs, s.nulls);
    }

    @Override
    public String toString() {
        return "CAST(" + in + " AS " + to + ")";
    }
}
