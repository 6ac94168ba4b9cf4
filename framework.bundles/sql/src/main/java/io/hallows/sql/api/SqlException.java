package io.hallows.sql.api;

import java.util.Objects;

/**
 * A failed statement, in PostgreSQL's terms: a five-character SQLSTATE ({@code 42601} syntax
 * error, {@code 42P01} unknown table, {@code 23505} unique violation, {@code 40001}
 * serialization failure, {@code 57014} cancelled, {@code 53200} out of memory…), a message, and
 * where known a 1-based character position in the statement text, a detail and a hint.
 */
public class SqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;
    private final int position;
    private final String detail;
    private final String hint;

    public SqlException(String sqlState, String message) {
        this(sqlState, message, 0, null, null, null);
    }

    public SqlException(String sqlState, String message, int position) {
        this(sqlState, message, position, null, null, null);
    }

    public SqlException(String sqlState, String message, int position, String detail, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (sqlState == null || sqlState.length() != 5) {
            throw new IllegalArgumentException("SQLSTATE must have five characters: " + sqlState);
        }
        this.sqlState = sqlState;
        this.position = Math.max(0, position);
        this.detail = detail;
        this.hint = hint;
    }

    /** PostgreSQL's five-character error code. */
    public String sqlState() {
        return sqlState;
    }

    /** 1-based character position in the statement text, or 0 when none is known. */
    public int position() {
        return position;
    }

    /** A secondary message, or null. */
    public String detail() {
        return detail;
    }

    /** A suggestion, or null. */
    public String hint() {
        return hint;
    }
}
