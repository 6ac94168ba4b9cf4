package io.hallows.db.olap.impl.table;

/**
 * One column of a table or of a result.
 *
 * @param name lower-case name
 * @param kind its type and vector
 * @param precision DECIMAL's precision (≤ 18), VARCHAR's length limit or 0 for none; 0 otherwise
 * @param scale DECIMAL's scale; 0 otherwise
 * @param nullable whether it may hold NULL
 */
public record ColumnDef(String name, ColumnKind kind, int precision, int scale, boolean nullable) {
    public ColumnDef {
        if (kind == ColumnKind.DECIMAL && (precision < 1 || precision > 18 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("DECIMAL(" + precision + ", " + scale + ") of " + name + ": precision must be 1..18, scale 0..precision");
        }
    }
}
