package io.hallows.db.olap.impl.table;

/**
 * A column's SQL type and the Arrow vector that holds it. Every table column and every result
 * column is one of these.
 */
public enum ColumnKind {
    /** SQL INTEGER: {@code IntVector}. */
    INT,
    /** SQL BIGINT: {@code BigIntVector}. */
    BIGINT,
    /** SQL DOUBLE: {@code Float8Vector}. */
    DOUBLE,
    /**
     * SQL DECIMAL(p, s) with p ≤ 18: {@code BigIntVector} of unscaled values (12.34 at scale 2 is
     * 1234), the scale in {@link ColumnDef#scale()}. Exact and as fast as BIGINT.
     */
    DECIMAL,
    /** SQL VARCHAR and CHAR: {@code VarCharVector} (UTF-8). */
    VARCHAR,
    /** SQL DATE: {@code DateDayVector} (days since 1970-01-01). */
    DATE,
    /** SQL BOOLEAN: {@code BitVector}. */
    BOOLEAN
}
