package io.hallows.sql.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to an engine, with PostgreSQL's semantics: each statement outside {@code BEGIN …
 * COMMIT} is a transaction of its own (autocommit); a failed statement inside a block puts the
 * session in {@link TransactionStatus#FAILED} until {@code ROLLBACK}. One statement runs at a
 * time: wait for each future before the next call. Not thread-safe, except {@link #cancel()}.
 */
public interface Session extends AutoCloseable {
    /**
     * Runs a simple query: one or more statements separated by semicolons, without parameters,
     * as PostgreSQL's simple query protocol does. Outside a block each statement commits on its
     * own; when one fails, the later ones are not run. The future completes normally with the
     * results of the statements that ran and the error that stopped them, if any; it fails only
     * when the engine itself broke. A {@code COPY … FROM STDIN} must be the last statement.
     */
    CompletableFuture<QueryOutcome> query(String sql);

    /** Runs one statement with parameters {@code $1…$n} (unplanned use of {@link #prepare}). */
    CompletableFuture<Result> execute(String sql, Object... parameters);

    /**
     * Parses, checks and plans one statement. {@code parameterTypes} may be shorter than the
     * statement's parameters or hold {@link SqlType#UNKNOWN}: the engine infers those.
     */
    CompletableFuture<Prepared> prepare(String sql, List<SqlType> parameterTypes);

    /** The transaction status to report after the last statement. */
    TransactionStatus transactionStatus();

    /**
     * Session parameters the client should be told about after the last statement (PostgreSQL's
     * ParameterStatus, e.g. after {@code SET application_name}); the map is drained by this call.
     */
    java.util.Map<String, String> takeParameterChanges();

    /** Asks the running statement, if any, to stop with SQLSTATE {@code 57014}. Thread-safe. */
    void cancel();

    /** Ends the session; an open transaction is rolled back. */
    @Override
    void close();
}
