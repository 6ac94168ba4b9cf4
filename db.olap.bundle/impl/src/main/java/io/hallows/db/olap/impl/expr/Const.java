package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.DoubleVec;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.StrVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.db.olap.impl.exec.Vecs;
import java.nio.charset.StandardCharsets;

/**
 * A constant: a Long (INT, BIGINT, DATE days, BOOLEAN 0/1, DECIMAL unscaled), a Double, a
 * byte[] (UTF-8) or null. Its vector is made once per size and shared (vectors are immutable).
 */
public final class Const implements Expr {
    private final Type type;
    private final Object value;
    private volatile Vec cached;

    public Const(Type type, Object value) {
        this.type = type;
        this.value = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : value;
    }

    @Override
    public Type type() {
        return type;
    }

    public Object value() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public long longValue() {
        return (Long) value;
    }

    public double doubleValue() {
        return value instanceof Double d ? d : (Long) value / Math.pow(10, type.scale());
    }

    public byte[] bytes() {
        return (byte[]) value;
    }

    @Override
    public Vec eval(Batch b) {
        int n = Math.max(b.n(), 1);
        Vec v = cached;
        if (v == null || length(v) < n) {
            v = Vecs.constant(type, value, Math.max(n, 1024));
            cached = v;
        }
        return v;
    }

    private static int length(Vec v) {
        if (v instanceof LongVec l) {
            return l.v.length;
        }
        if (v instanceof DoubleVec d) {
            return d.v.length;
        }
        return ((StrVec) v).off.length - 1;
    }

    /** The value of row 0 of {@code v} as a constant of {@code type}. */
    public static Const of(Type type, Vec v) {
        if (v.isNull(0)) {
            return new Const(type, null);
        }
        if (v instanceof LongVec l) {
            return new Const(type, l.v[0]);
        }
        if (v instanceof DoubleVec d) {
            return new Const(type, d.v[0]);
        }
        StrVec s = (StrVec) v;
        return new Const(type, java.util.Arrays.copyOfRange(s.data, s.off[0], s.off[1]));
    }

    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] s) {
            return "'" + new String(s, StandardCharsets.UTF_8) + "'";
        }
        if (type.kind() == io.hallows.db.olap.impl.table.ColumnKind.DATE) {
            return "DATE '" + java.time.LocalDate.ofEpochDay((Long) value) + "'";
        }
        if (type.kind() == io.hallows.db.olap.impl.table.ColumnKind.DECIMAL) {
            return java.math.BigDecimal.valueOf((Long) value, type.scale()).toPlainString();
        }
        return value.toString();
    }
}
