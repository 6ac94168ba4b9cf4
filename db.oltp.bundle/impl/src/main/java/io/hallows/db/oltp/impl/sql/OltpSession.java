package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Isolation;
import io.hallows.db.oltp.impl.store.Txn;
import io.hallows.db.oltp.impl.store.WaitFor;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import io.hallows.sql.api.TransactionStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A session with PostgreSQL's transaction rules. All its work runs as tasks on the engine's
 * executor; a session runs one statement at a time, so its state needs no lock (only {@link
 * #cancel()} comes from another thread, through a volatile flag).
 */
final class OltpSession implements Session {
    final OltpSqlEngine engine;
    final Settings settings;
    /** The open transaction: a block's, or an autocommit statement's while it runs. */
    Txn txn;
    boolean inBlock;
    boolean failed;
    /** Isolation asked for the block's transaction before it starts (BEGIN ISOLATION LEVEL, SET TRANSACTION). */
    Isolation blockIsolation;
    LocalDateTime txnStart;
    CopyIn copy;
    private volatile boolean cancelled;
    /** Set while a statement waits for another transaction, so that cancel() can wake it. */
    private volatile CompletableFuture<Void> waiting;
    private boolean closed;

    OltpSession(OltpSqlEngine engine, Map<String, String> startup) {
        this.engine = engine;
        this.settings = new Settings(engine.serverParameters(), startup, engine.options);
    }

    @Override
    public CompletableFuture<QueryOutcome> query(String sql) {
        return onExecutor(() -> {
            List<Lexer.Piece> pieces = Lexer.split(sql);
            CompletableFuture<QueryOutcome> done = new CompletableFuture<>();
            next(pieces, 0, new ArrayList<>(), done);
            return done;
        }).handle((outcome, e) -> e == null ? outcome : new QueryOutcome(List.of(), sqlError(e)));
    }

    private void next(List<Lexer.Piece> pieces, int i, List<Result> results, CompletableFuture<QueryOutcome> done) {
        if (i == pieces.size()) {
            cancelled = false;
            done.complete(new QueryOutcome(results, null));
            return;
        }
        Lexer.Piece p = pieces.get(i);
        statement(p.text(), p.offset(), new Object[0]).whenComplete((r, e) -> {
            if (e != null) {
                cancelled = false;
                done.complete(new QueryOutcome(results, sqlError(e)));
                return;
            }
            results.add(r);
            if (r.copyIn() != null && i + 1 < pieces.size()) {
                done.complete(new QueryOutcome(results, null));
                return;
            }
            next(pieces, i + 1, results, done);
        });
    }

    @Override
    public CompletableFuture<Result> execute(String sql, Object... parameters) {
        return onExecutor(() -> statement(sql, 0, parameters)).whenComplete((r, e) -> cancelled = false);
    }

    @Override
    public CompletableFuture<Prepared> prepare(String sql, List<SqlType> parameterTypes) {
        return onExecutor(() -> CompletableFuture.completedFuture(OltpPrepared.of(this, sql, parameterTypes)));
    }

    /** Runs {@code body} as a task on the executor; what it throws fails the future. */
    <T> CompletableFuture<T> onExecutor(Supplier<CompletableFuture<T>> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        engine.executor.execute(() -> {
            try {
                if (closed) {
                    throw new SqlException("08003", "the session is closed");
                }
                body.get().whenComplete((v, e) -> {
                    if (e != null) {
                        f.completeExceptionally(sqlError(e));
                    } else {
                        f.complete(v);
                    }
                });
            } catch (Throwable e) {
                f.completeExceptionally(sqlError(e));
            }
        });
        return f;
    }

    /** Runs one statement (on the executor). */
    CompletableFuture<Result> statement(String sql, int offset, Object[] params) {
        try {
            if (copy != null) {
                throw new SqlException("08P01", "a COPY is in progress");
            }
            checkCancel();
            List<Lexer.Token> tokens = Lexer.scan(sql);
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Lexer.Kind.SEMI) {
                // one statement sent with its semicolon (extended protocol, execute())
                sql = sql.substring(0, tokens.get(tokens.size() - 1).start());
                tokens = tokens.subList(0, tokens.size() - 1);
            }
            if (tokens.isEmpty()) {
                return CompletableFuture.completedFuture(Result.command("EMPTY"));
            }
            String first = tokens.get(0).kind() == Lexer.Kind.WORD ? tokens.get(0).text() : "";
            if (failed && !Commands.ENDS_BLOCK.contains(first)) {
                throw new SqlException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
            }
            CompletableFuture<Result> f;
            if (Commands.isCommand(first)) {
                f = Commands.run(this, first, sql, tokens);
            } else {
                PlanCache.Bound bound = engine.cache.bind(sql, tokens, params);
                f = planned(bound.plan(), bound.params());
            }
            return f.exceptionallyCompose(e -> {
                SqlException s = shift(sqlError(e), offset);
                abort(s);
                return CompletableFuture.failedFuture(s);
            });
        } catch (Throwable e) {
            SqlException s = shift(sqlError(e), offset);
            abort(s);
            return CompletableFuture.failedFuture(s);
        }
    }

    /** Runs a plan in the block's transaction, or in a transaction of its own that commits after it. */
    CompletableFuture<Result> planned(Plan plan, Object[] params) {
        boolean autocommit = !inBlock;
        Txn t = transaction();
        CompletableFuture<Result> result = attempt(plan, params, t);
        if (!autocommit) {
            return result.whenComplete((r, e) -> {
                if (e != null) {
                    abort(sqlError(e));
                }
            });
        }
        return result.thenCompose(r -> endAutocommit(t).thenApply(v -> r))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        abort(sqlError(e));
                    }
                });
    }

    /** Commits an autocommit statement's transaction; the future completes on the executor. */
    CompletableFuture<Void> endAutocommit(Txn t) {
        txn = null;
        return t.commit(settings.synchronousCommit()).thenApplyAsync(v -> (Void) null, engine.executor);
    }

    private CompletableFuture<Result> attempt(Plan plan, Object[] params, Txn t) {
        try {
            checkCancel();
            t.startStatement();
            return CompletableFuture.completedFuture(plan.execute(new Exec(engine.store, t, params, txnStart, () -> cancelled)));
        } catch (WaitFor w) {
            t.rollbackStatement();
            // Wakes on the other transaction's end, or on cancel() (the re-run then stops with 57014).
            CompletableFuture<Void> wake = new CompletableFuture<>();
            waiting = wake;
            w.released().whenComplete((v, e) -> wake.complete(null));
            if (cancelled) {
                wake.complete(null);
            }
            return wake.handleAsync((v, e) -> {
                waiting = null;
                return attempt(plan, params, t);
            }, engine.executor).thenCompose(f -> f);
        }
    }

    /** The block's transaction (started on first use), or a new autocommit one. */
    Txn transaction() {
        if (txn == null) {
            Isolation level = inBlock && blockIsolation != null ? blockIsolation : settings.defaultIsolation();
            txn = engine.store.begin(level);
            txnStart = LocalDateTime.now();
        } else if (!inBlock) {
            txnStart = LocalDateTime.now();
        }
        return txn;
    }

    /** After a failed statement: the transaction is rolled back; inside a block the session is FAILED. */
    void abort(SqlException e) {
        if (txn != null) {
            txn.rollback();
            txn = null;
        }
        if (inBlock) {
            failed = true;
        }
    }

    private void checkCancel() {
        if (cancelled) {
            cancelled = false;
            throw new SqlException("57014", "canceling statement due to user request");
        }
    }

    static SqlException sqlError(Throwable e) {
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof SqlException s ? s : Errors.map(e, "", 0);
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
        CompletableFuture<Void> w = waiting;
        if (w != null) {
            w.complete(null);
        }
    }

    @Override
    public void close() {
        engine.executor.execute(() -> {
            if (closed) {
                return;
            }
            closed = true;
            if (txn != null) {
                txn.rollback();
                txn = null;
            }
            engine.closed(this);
        });
    }
}
