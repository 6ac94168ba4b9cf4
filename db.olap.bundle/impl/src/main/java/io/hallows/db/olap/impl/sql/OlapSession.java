package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import io.hallows.sql.api.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A session of the OLAP database. Every statement runs as a task on the engine's executor, one at
 * a time. Tables change only by whole statements (a load writes a new file and swaps it in), so
 * there are no transactions to keep: BEGIN, COMMIT and ROLLBACK are accepted for clients that send
 * them, and a failed statement inside a block refuses the next ones until the block ends, as
 * PostgreSQL does. Only {@link #cancel()} comes from another thread.
 */
final class OlapSession implements Session {
    static final List<Column> PLAN_COLUMNS = List.of(Column.of("QUERY PLAN", SqlType.TEXT));

    final OlapEngine engine;
    final Settings settings;
    private boolean inBlock;
    private boolean failed;
    private boolean closed;
    private volatile boolean cancelled;
    /** The COPY FROM STDIN taking data, or null. */
    private volatile StdinCopy copy;
    /** How to stop what the statement waits for elsewhere (an OLTP query), or null. */
    private volatile Runnable cancelAction;

    OlapSession(OlapEngine engine, Map<String, String> startup) {
        this.engine = engine;
        this.settings = new Settings(engine.serverParameters(), startup);
    }

    @Override
    public CompletableFuture<QueryOutcome> query(String sql) {
        return onExecutor(() -> {
            List<Result> results = new ArrayList<>();
            for (SqlText.Piece p : SqlText.split(sql)) {
                try {
                    Result r = statement(p.text());
                    results.add(r);
                    if (r.copyIn() != null) {
                        break; // the client sends the data next: a COPY FROM STDIN ends the query text
                    }
                } catch (RuntimeException e) {
                    return new QueryOutcome(results, shift(OlapEngine.sqlError(e), p.offset()));
                }
            }
            return new QueryOutcome(results, null);
        });
    }

    @Override
    public CompletableFuture<Result> execute(String sql, Object... parameters) {
        return onExecutor(() -> statement(SqlText.bind(sql, parameters)));
    }

    @Override
    public CompletableFuture<Prepared> prepare(String sql, List<SqlType> parameterTypes) {
        return onExecutor(() -> OlapPrepared.of(this, sql, parameterTypes));
    }

    /** Runs {@code body} as a task of the engine's executor; the cancel flag is cleared after it. */
    <T> CompletableFuture<T> onExecutor(Supplier<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            engine.executor.execute(() -> {
                try {
                    if (closed) {
                        throw new SqlException("08003", "the session is closed");
                    }
                    f.complete(body.get());
                } catch (Throwable e) {
                    f.completeExceptionally(OlapEngine.sqlError(e));
                } finally {
                    cancelled = false;
                }
            });
        } catch (RuntimeException e) {
            f.completeExceptionally(new SqlException("57P01", "the OLAP database is not running: " + e.getMessage()));
        }
        return f;
    }

    /** Runs one statement (on the executor). */
    Result statement(String text) {
        if (copy != null) {
            throw new SqlException("08P01", "a COPY is in progress");
        }
        String sql = SqlText.trimEnd(text);
        String first = SqlText.firstWord(sql);
        if (failed && !first.equals("commit") && !first.equals("rollback") && !first.equals("end") && !first.equals("abort")) {
            throw new SqlException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
        }
        try {
            checkCancel();
            return dispatch(first, sql);
        } catch (RuntimeException e) {
            failed = inBlock;
            throw e;
        } catch (java.io.IOException e) {
            failed = inBlock;
            throw OlapEngine.sqlError(e);
        }
    }

    private Result dispatch(String first, String sql) throws java.io.IOException {
        Words in = new Words(sql);
        switch (first) {
            case "":
                return Result.command("EMPTY");
            case "select", "with", "values", "table":
                return select(sql);
            case "explain":
                return explain(in);
            case "create":
                return Ddl.create(engine.store, in);
            case "drop":
                return Ddl.drop(engine.store, in);
            case "copy":
                return Loads.copy(this, in);
            case "insert":
                return Loads.insert(this, in);
            case "begin", "start":
                inBlock = true;
                return Result.command("BEGIN");
            case "commit", "end", "rollback", "abort": {
                boolean wasFailed = failed;
                inBlock = false;
                failed = false;
                return Result.command(wasFailed || first.equals("rollback") || first.equals("abort") ? "ROLLBACK" : "COMMIT");
            }
            case "set":
                return settings.set(in);
            case "reset":
                return settings.reset(in);
            case "show":
                return settings.show(in);
            case "discard", "deallocate", "analyze", "vacuum", "checkpoint":
                return Result.command(first.toUpperCase(java.util.Locale.ROOT));
            case "update", "delete", "truncate", "alter", "merge":
                throw new SqlException("0A000", first.toUpperCase(java.util.Locale.ROOT) + " is not supported by the OLAP database: "
                        + "tables are loaded whole (COPY, INSERT … SELECT, olap:load-tpch) and dropped with DROP TABLE");
            default:
                throw new SqlException("42601", "syntax error at or near \"" + first + "\"", 1);
        }
    }

    /** A query's rows, converted from its Arrow batches. */
    Result select(String sql) {
        try (TableStore.Snapshot snapshot = engine.store.snapshot();
                BufferAllocator allocator = engine.queryAllocator();
                QueryResult result = engine.engine.execute(sql, snapshot, engine.context(allocator, this::cancelled))) {
            List<ColumnDef> defs = result.columns();
            List<Object[]> rows = new ArrayList<>();
            VectorSchemaRoot batch;
            while ((batch = result.next()) != null) {
                checkCancel();
                Rows.append(batch, defs, rows);
            }
            return Result.rows(Rows.columns(defs), rows);
        }
    }

    /** EXPLAIN [ANALYZE] query: the physical plan, one row per line. */
    private Result explain(Words in) {
        in.expect("explain");
        boolean analyze = in.accept("analyze");
        if (!analyze && in.acceptPunct("(")) {
            while (!in.acceptPunct(")")) {
                if (in.atEnd()) {
                    throw in.error("expected \")\"");
                }
                analyze |= in.accept("analyze");
                if (!analyze) {
                    in.skip();
                }
            }
        }
        in.accept("verbose");
        String query = in.rest();
        String plan;
        try (TableStore.Snapshot snapshot = engine.store.snapshot(); BufferAllocator allocator = engine.queryAllocator()) {
            plan = engine.engine.explain(query, snapshot, engine.context(allocator, this::cancelled), analyze);
        }
        List<Object[]> rows = new ArrayList<>();
        plan.lines().forEach(l -> rows.add(new Object[] {l}));
        return new Result("EXPLAIN", PLAN_COLUMNS, rows, null, List.of());
    }

    StdinCopy startCopy(StdinCopy c) {
        copy = c;
        return c;
    }

    void copyOver() {
        copy = null;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Registers (or, with null, clears) how to stop what the statement waits for. */
    void onCancel(Runnable action) {
        cancelAction = action;
        if (action != null && cancelled) {
            action.run();
        }
    }

    private void checkCancel() {
        if (cancelled) {
            throw new SqlException("57014", "canceling statement due to user request");
        }
    }

    private static SqlException shift(SqlException e, int offset) {
        if (offset == 0 || e.position() == 0) {
            return e;
        }
        return new SqlException(e.sqlState(), e.getMessage(), e.position() + offset, e.detail(), e.hint(), e);
    }

    @Override
    public TransactionStatus transactionStatus() {
        return failed ? TransactionStatus.FAILED : inBlock ? TransactionStatus.IN_TRANSACTION : TransactionStatus.IDLE;
    }

    @Override
    public Map<String, String> takeParameterChanges() {
        return settings.takeChanges();
    }

    @Override
    public void cancel() {
        cancelled = true;
        Runnable action = cancelAction;
        if (action != null) {
            action.run();
        }
    }

    @Override
    public void close() {
        try {
            engine.executor.execute(this::closeNow);
        } catch (RuntimeException stopping) {
            closeNow();
        }
    }

    private synchronized void closeNow() {
        if (!closed) {
            closed = true;
            engine.closed();
        }
    }
}
