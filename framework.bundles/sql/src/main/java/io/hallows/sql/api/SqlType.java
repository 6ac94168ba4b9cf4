package io.hallows.sql.api;

/**
 * The column and parameter types, with PostgreSQL's type OIDs and the Java class of their values.
 * A NULL is {@code null} whatever the type.
 */
public enum SqlType {
    /** {@code boolean}: {@link Boolean}. */
    BOOL(16, Boolean.class),
    /** {@code smallint}: {@link Short}. */
    INT2(21, Short.class),
    /** {@code integer}: {@link Integer}. */
    INT4(23, Integer.class),
    /** {@code bigint}: {@link Long}. */
    INT8(20, Long.class),
    /** {@code real}: {@link Float}. */
    FLOAT4(700, Float.class),
    /** {@code double precision}: {@link Double}. */
    FLOAT8(701, Double.class),
    /** {@code numeric(p,s)}: {@link java.math.BigDecimal}. */
    NUMERIC(1700, java.math.BigDecimal.class),
    /** {@code text}: {@link String}. */
    TEXT(25, String.class),
    /** {@code varchar(n)}: {@link String}. */
    VARCHAR(1043, String.class),
    /** {@code char(n)} (PostgreSQL's {@code bpchar}): {@link String}, blank-padded to n. */
    BPCHAR(1042, String.class),
    /** {@code name} (catalog identifiers): {@link String}. */
    NAME(19, String.class),
    /** {@code oid}: {@link Long}. */
    OID(26, Long.class),
    /** {@code date}: {@link java.time.LocalDate}. */
    DATE(1082, java.time.LocalDate.class),
    /** {@code timestamp} (without time zone): {@link java.time.LocalDateTime}. */
    TIMESTAMP(1114, java.time.LocalDateTime.class),
    /** {@code timestamptz}: {@link java.time.OffsetDateTime}. */
    TIMESTAMPTZ(1184, java.time.OffsetDateTime.class),
    /** {@code bytea}: {@code byte[]}. */
    BYTEA(17, byte[].class),
    /** A type not yet known (an untyped parameter or literal): {@link String}, its text. */
    UNKNOWN(705, String.class);

    private final int oid;
    private final Class<?> javaClass;

    SqlType(int oid, Class<?> javaClass) {
        this.oid = oid;
        this.javaClass = javaClass;
    }

    /** PostgreSQL's OID of this type. */
    public int oid() {
        return oid;
    }

    /** The class of this type's non-null values. */
    public Class<?> javaClass() {
        return javaClass;
    }

    /** The type with PostgreSQL OID {@code oid}, or {@link #UNKNOWN}. */
    public static SqlType ofOid(int oid) {
        for (SqlType t : values()) {
            if (t.oid == oid) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
