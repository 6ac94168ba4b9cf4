package io.hallows.dsl.runtime;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The OLTP database as generated code of a module with stored models uses it: one per module
 * revision, opened (and the schema migrated) when the revision's first service is created.
 * Statements are prepared once per session and reused; sessions are pooled (a session serves one
 * thread at a time). {@link #transaction} makes an operation one transaction: an operation called
 * on the same thread inside it joins it.
 */
public final class PtDb {
    /** The service filter of the OLTP engine among the SQL engines (the OLAP one is another). */
    public static final String OLTP = "(" + SqlEngine.DATABASE + "=hallows)";
    /** How long a revision's start waits for the database to appear (it may still be recovering). */
    public static final long WAIT_MILLIS = 30_000;
    /** How often an operation that failed to serialize (SQLSTATE 40001) is run again. */
    public static final int RETRIES = 3;
    /**
     * Snapshot isolation: an operation reads one snapshot, and of two that change the same row
     * the second is refused (40001) and run again, so a read-modify-write is never lost (READ
     * COMMITTED, the database's default, would lose it).
     */
    private static final String BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ";
    private static final Map<ModuleContext, PtDb> OPEN = new ConcurrentHashMap<>();

    private final String module;
    private final SqlEngine engine;
    private final ConcurrentLinkedQueue<DbSession> idle = new ConcurrentLinkedQueue<>();
    private final List<DbSession> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<DbSession> current = new ThreadLocal<>();
    /** Per raw query: for each of T's fields, the result column it comes from. */
    private final Map<String, int[]> columnOrder = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private PtDb(String module, SqlEngine engine) {
        this.module = module;
        this.engine = engine;
    }

    /**
     * The database of {@code ctx}'s revision: the first call checks {@code tables} and
     * {@code queries} against the catalog and migrates the tables (see {@link Migrations});
     * later calls (other services of the revision) return the same one.
     *
     * @throws IllegalStateException when the OLTP database is not available to the module, or the
     *     catalog does not fit the module (nothing is changed then)
     */
    public static PtDb of(ModuleContext ctx, List<PtSchema.Table> tables, List<PtSchema.Query> queries) {
        synchronized (OPEN) {
            PtDb db = OPEN.get(ctx);
            if (db != null) {
                return db;
            }
            SqlEngine engine;
            try {
                engine = ctx.awaitService(SqlEngine.class, OLTP, WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("module '" + ctx.module() + "': interrupted waiting for the OLTP database", e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("module '" + ctx.module() + "' has stored models, but the OLTP database is"
                        + " not available to it after " + WAIT_MILLIS / 1000 + " s (it needs the db.oltp bundle running and the"
                        + " capability service:db.oltp CALL): "
                        + e.getMessage(), e);
            }
            db = new PtDb(ctx.module(), engine);
            PtDb opened = db;
            try {
                Migrations.apply(opened, tables, queries);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            OPEN.put(ctx, db);
            ctx.onClose(() -> {
                OPEN.remove(ctx);
                opened.close();
            });
            return db;
        }
    }

    /** What generated code runs in an operation: no checked exceptions. */
    @FunctionalInterface
    public interface Body<T> {
        T run();
    }

    /**
     * Runs {@code body} as one transaction (REPEATABLE READ): BEGIN, COMMIT when it returns, ROLLBACK when it throws
     * (a raised Parseltongue error too); run again, up to {@link #RETRIES} times, when the database
     * refuses it for a serialization failure. Inside a transaction of this thread, it joins it.
     */
    public <T> T transaction(Body<T> body) {
        if (current.get() != null) {
            return body.run();
        }
        for (int attempt = 0; ; attempt++) {
            DbSession c = borrow();
            current.set(c);
            boolean open = false;
            try {
                c.simple(BEGIN);
                open = true;
                T result = body.run();
                open = false;
                c.simple("COMMIT");
                return result;
            } catch (SqlException e) {
                if (open) {
                    c.rollbackQuietly();
                }
                if (!"40001".equals(e.sqlState()) || attempt >= RETRIES) {
                    throw e;
                }
            } catch (RuntimeException | Error e) {
                if (open) {
                    c.rollbackQuietly();
                }
                throw e;
            } finally {
                current.remove();
                release(c);
            }
        }
    }

    /** The rows of a query; {@code types} names each parameter's {@link SqlType}, comma-separated. */
    public List<Object[]> rows(String sql, String types, Object... args) {
        return run(sql, types, args).rows();
    }

    /**
     * The rows of raw query {@code sql<T>(…)}, with the columns in the order of T's fields (as
     * found when the revision started; a scalar T takes the first column).
     */
    public List<Object[]> query(String sql, String types, Object... args) {
        List<Object[]> rows = rows(sql, types, args);
        int[] order = columnOrder.get(sql);
        if (order == null) {
            return rows;
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] o = new Object[order.length];
            for (int i = 0; i < order.length; i++) {
                o[i] = r[order[i]];
            }
            out.add(o);
        }
        return out;
    }

    /** The number of rows an INSERT, UPDATE or DELETE changed. */
    public long change(String sql, String types, Object... args) {
        String tag = run(sql, types, args).commandTag();
        return Long.parseLong(tag.substring(tag.lastIndexOf(' ') + 1));
    }

    /**
     * An UPDATE whose parameters are {@code row}'s fields in order (a stored model's record); the
     * number of rows it changed.
     */
    public long write(String sql, String types, Record row) {
        return change(sql, types, RecordFields.of(row));
    }

    /**
     * An INSERT of {@code row} (a record of stored model {@code model}); a duplicate key raises
     * {@link Conflict}. Inside a transaction the key is looked up first ({@code exists}, with the
     * key, field {@code key} of the row): a failed INSERT would abort the whole transaction, and
     * an operation that catches the Conflict must be able to go on.
     */
    public void insert(String model, String sql, String types, String exists, int key, Record row) {
        Object[] values = RecordFields.of(row);
        if (current.get() != null && !run(exists, types.split(",")[key], new Object[] {values[key]}).rows().isEmpty()) {
            throw new Conflict("Conflict { " + model + " " + row + " }");
        }
        try {
            change(sql, types, values);
        } catch (SqlException e) {
            if ("23505".equals(e.sqlState())) {
                throw new Conflict("Conflict { " + model + " " + row + " }");
            }
            throw e;
        }
    }

    private Result run(String sql, String types, Object[] args) {
        DbSession joined = current.get();
        DbSession c = joined != null ? joined : borrow();
        try {
            return c.execute(sql, types, args);
        } finally {
            if (joined == null) {
                release(c);
            }
        }
    }

    String module() {
        return module;
    }

    /** For {@link Migrations}: runs one statement on its own (autocommit). */
    Result statement(String sql) {
        DbSession c = borrow();
        try {
            return c.execute(sql, "", new Object[0]);
        } finally {
            release(c);
        }
    }

    /** For {@link Migrations}: the columns {@code sql} returns, from preparing it (not run). */
    List<Column> describe(String sql) {
        DbSession c = borrow();
        try {
            return c.describe(sql);
        } finally {
            release(c);
        }
    }

    /** For {@link Migrations}: raw query {@code sql} takes its columns in this order. */
    void order(String sql, int[] columns) {
        columnOrder.put(sql, columns);
    }

    private DbSession borrow() {
        if (closed) {
            throw new IllegalStateException("module '" + module + "': this revision has stopped");
        }
        DbSession c = idle.poll();
        if (c == null) {
            c = new DbSession(engine.open("pt:" + module, Map.of("application_name", "pt:" + module)));
            all.add(c);
        }
        return c;
    }

    private void release(DbSession c) {
        if (closed) {
            c.close();
        } else {
            idle.offer(c);
        }
    }

    private void close() {
        closed = true;
        idle.clear();
        all.forEach(DbSession::close);
    }
}
