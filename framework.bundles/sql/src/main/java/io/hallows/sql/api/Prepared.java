package io.hallows.sql.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A statement parsed, checked and planned once, run many times with parameters {@code $1…$n}.
 * It belongs to the session that prepared it.
 */
public interface Prepared {
    /** The statement's text, as given. */
    String sql();

    /** The type of each parameter, {@code $1} first (as given at prepare time, else inferred). */
    List<SqlType> parameterTypes();

    /** The columns of the rows it returns, or empty when it returns none. */
    List<Column> columns();

    /**
     * Runs the statement with {@code parameters} (one value per parameter, of the parameter's
     * type's Java class, or null). Fails with {@link SqlException} as {@link Session#execute}.
     */
    CompletableFuture<Result> execute(Object... parameters);

    /** Forgets the statement. */
    void close();
}
