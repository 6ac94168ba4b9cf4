package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;

/**
 * The physical type of a column inside the engine: which {@link Vec} holds it and, for DECIMAL,
 * the scale of its unscaled longs.
 *
 * @param kind the SQL kind
 * @param precision DECIMAL's precision (at most 18), otherwise 0
 * @param scale DECIMAL's scale, otherwise 0
 */
public record Type(ColumnKind kind, int precision, int scale) {
    public static final Type BIGINT = new Type(ColumnKind.BIGINT, 0, 0);
    public static final Type INT = new Type(ColumnKind.INT, 0, 0);
    public static final Type DOUBLE = new Type(ColumnKind.DOUBLE, 0, 0);
    public static final Type VARCHAR = new Type(ColumnKind.VARCHAR, 0, 0);
    public static final Type DATE = new Type(ColumnKind.DATE, 0, 0);
    public static final Type BOOLEAN = new Type(ColumnKind.BOOLEAN, 0, 0);

    public static Type decimal(int precision, int scale) {
        return new Type(ColumnKind.DECIMAL, Math.min(18, Math.max(precision, scale)), scale);
    }

    public static Type of(ColumnDef c) {
        return c.kind() == ColumnKind.DECIMAL ? decimal(c.precision(), c.scale()) : new Type(c.kind(), 0, 0);
    }

    /** Held in a {@link LongVec}. */
    public boolean isLong() {
        return kind != ColumnKind.DOUBLE && kind != ColumnKind.VARCHAR;
    }

    /** A number: INT, BIGINT, DECIMAL or DOUBLE. */
    public boolean isNumeric() {
        return kind == ColumnKind.INT || kind == ColumnKind.BIGINT || kind == ColumnKind.DECIMAL || kind == ColumnKind.DOUBLE;
    }

    public ColumnDef column(String name, boolean nullable) {
        return new ColumnDef(name, kind, kind == ColumnKind.DECIMAL ? precision : 0, scale, nullable);
    }

    @Override
    public String toString() {
        return kind == ColumnKind.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : kind.name();
    }
}
