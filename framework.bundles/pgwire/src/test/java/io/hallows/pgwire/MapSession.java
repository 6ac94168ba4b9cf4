package io.hallows.pgwire;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import io.hallows.sql.api.TransactionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A session of {@link MapEngine}: autocommit, BEGIN/COMMIT/ROLLBACK with a snapshot, SET, cancel. */
final class MapSession implements Session {
    final MapEngine engine;
    final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> changes = new HashMap<>();
    private TransactionStatus status = TransactionStatus.IDLE;
    private TreeMap<Integer, String> snapshot;
    /** The running pg_sleep, for cancel() (any thread). */
    private volatile CompletableFuture<Result> sleeping;
    /** The pg_sleep the running statement started, for its future to wait on. */
    private CompletableFuture<Result> startedSleep;
    private boolean closed;

    MapSession(MapEngine engine, Map<String, String> startup) {
        this.engine = engine;
        settings.putAll(startup);
        if (startup.containsKey("application_name")) {
            changes.put("application_name", startup.get("application_name"));
        }
    }

    @Override
    public CompletableFuture<QueryOutcome> query(String sql) {
        return async(() -> {
            List<Result> results = new ArrayList<>();
            for (String part : sql.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    results.add(run(parse(part, List.of()), new Object[0]));
                } catch (SqlException e) {
                    return new QueryOutcome(results, e);
                }
            }
            return new QueryOutcome(results, null);
        }).thenCompose(outcome -> {
            CompletableFuture<Result> sleep = takeSleep();
            return sleep == null ? CompletableFuture.completedFuture(outcome) : sleep.handle((r, e) -> e == null
                    ? new QueryOutcome(List.of(r), null) : new QueryOutcome(List.of(), (SqlException) (e.getCause() == null ? e : e.getCause())));
        });
    }

    /** The pg_sleep the last statement started, if any (taken once, by the statement's own future). */
    private CompletableFuture<Result> takeSleep() {
        CompletableFuture<Result> sleep = startedSleep;
        startedSleep = null;
        return sleep;
    }

    @Override
    public CompletableFuture<Result> execute(String sql, Object... parameters) {
        return prepare(sql, List.of()).thenCompose(p -> p.execute(parameters));
    }

    @Override
    public CompletableFuture<Prepared> prepare(String sql, List<SqlType> parameterTypes) {
        return async(() -> {
            MapStatement statement = parse(sql, parameterTypes);
            return new Prepared() {
                @Override
                public String sql() {
                    return sql;
                }

                @Override
                public List<SqlType> parameterTypes() {
                    return statement.parameterTypes();
                }

                @Override
                public List<Column> columns() {
                    return statement.columns();
                }

                @Override
                public CompletableFuture<Result> execute(Object... parameters) {
                    return async(() -> run(statement, parameters)).thenCompose(r -> {
                        CompletableFuture<Result> sleep = takeSleep();
                        return sleep == null ? CompletableFuture.completedFuture(r) : sleep;
                    });
                }

                @Override
                public void close() {
                }
            };
        });
    }

    /** Parses one statement; a syntax error inside a block fails the block, as in PostgreSQL. */
    private MapStatement parse(String sql, List<SqlType> parameterTypes) {
        try {
            return MapStatement.parse(sql, parameterTypes);
        } catch (SqlException e) {
            if (status == TransactionStatus.IN_TRANSACTION) {
                status = TransactionStatus.FAILED;
            }
            throw e;
        }
    }

    /** Runs one statement; a failure inside a block fails the block. */
    private Result run(MapStatement statement, Object[] parameters) {
        if (closed) {
            throw new IllegalStateException("session closed");
        }
        if (status == TransactionStatus.FAILED && !statement.endsTransaction()) {
            throw new SqlException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
        }
        try {
            return statement.run(this, parameters);
        } catch (SqlException e) {
            if (status == TransactionStatus.IN_TRANSACTION) {
                status = TransactionStatus.FAILED;
            }
            throw e;
        }
    }

    void begin() {
        if (status == TransactionStatus.IDLE) {
            snapshot = new TreeMap<>(engine.kv);
            status = TransactionStatus.IN_TRANSACTION;
        }
    }

    void end(boolean commit) {
        if (status != TransactionStatus.IDLE && (!commit || status == TransactionStatus.FAILED)) {
            engine.kv.clear();
            engine.kv.putAll(snapshot);
        }
        status = TransactionStatus.IDLE;
    }

    void set(String name, String value) {
        settings.put(name, value);
        changes.put(name, value);
    }

    /** A statement that waits until cancelled (or {@code seconds} pass). */
    void sleep(double seconds) {
        CompletableFuture<Result> future = new CompletableFuture<>();
        future.completeOnTimeout(Result.rows(List.of(Column.of("pg_sleep", SqlType.TEXT)), List.<Object[]>of(new Object[] {""})),
                (long) (seconds * 1000), java.util.concurrent.TimeUnit.MILLISECONDS);
        sleeping = future;
        startedSleep = future;
        engine.sleepers.incrementAndGet();
        future.whenComplete((r, e) -> engine.sleepers.decrementAndGet());
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, engine.executor);
    }

    @Override
    public TransactionStatus transactionStatus() {
        return status;
    }

    @Override
    public Map<String, String> takeParameterChanges() {
        Map<String, String> taken = Map.copyOf(changes);
        changes.clear();
        return taken;
    }

    @Override
    public void cancel() {
        CompletableFuture<Result> running = sleeping;
        if (running != null && running.completeExceptionally(new SqlException("57014", "canceling statement due to user request"))) {
            engine.cancels.incrementAndGet();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.openSessions.decrementAndGet();
        }
    }
}
