package io.hallows.pgwire.codec;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;

/** PostgreSQL's names of the types, as its error messages spell them, and its type sizes. */
final class TypeNames {
    private TypeNames() {
    }

    static String of(SqlType type) {
        return switch (type) {
            case BOOL -> "boolean";
            case INT2 -> "smallint";
            case INT4 -> "integer";
            case INT8 -> "bigint";
            case FLOAT4 -> "real";
            case FLOAT8 -> "double precision";
            case NUMERIC -> "numeric";
            case TEXT -> "text";
            case VARCHAR -> "character varying";
            case BPCHAR -> "character";
            case NAME -> "name";
            case OID -> "oid";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMPTZ -> "timestamp with time zone";
            case BYTEA -> "bytea";
            case UNKNOWN -> "unknown";
        };
    }

    /** {@code invalid input syntax for type integer: "abc"} (SQLSTATE 22P02). */
    static SqlException badText(SqlType type, String text) {
        return new SqlException("22P02", "invalid input syntax for type " + of(type) + ": \"" + text + "\"");
    }

    /** {@code value "99999" is out of range for type smallint} (SQLSTATE 22003). */
    static SqlException outOfRange(SqlType type, String text) {
        return new SqlException("22003", "value \"" + text + "\" is out of range for type " + of(type));
    }

    /** {@code incorrect binary data format in bind parameter} (SQLSTATE 22P03). */
    static SqlException badBinary(SqlType type, String why) {
        return new SqlException("22P03", "incorrect binary data format for type " + of(type) + ": " + why);
    }
}
