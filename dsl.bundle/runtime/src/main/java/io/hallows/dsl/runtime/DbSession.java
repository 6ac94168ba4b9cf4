package io.hallows.dsl.runtime;

import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A session with its prepared statements, used by one thread at a time. */
final class DbSession {
    private final Session session;
    private final Map<String, Prepared> prepared = new HashMap<>();

    DbSession(Session session) {
        this.session = session;
    }

    void simple(String sql) {
        io.hallows.sql.api.QueryOutcome o = await(session.query(sql));
        if (o.error() != null) {
            throw o.error();
        }
    }

    void rollbackQuietly() {
        try {
            simple("ROLLBACK");
        } catch (RuntimeException ignored) {
            // the session is closed or the transaction ended: nothing is left to undo
        }
    }

    Prepared prepared(String sql, String types) {
        Prepared p = prepared.get(sql);
        if (p == null) {
            List<SqlType> t = types.isEmpty() ? List.of()
                    : Arrays.stream(types.split(",")).map(SqlType::valueOf).toList();
            p = await(session.prepare(sql, t));
            prepared.put(sql, p);
        }
        return p;
    }

    /** The columns {@code sql} returns, from preparing it (not kept, not run). */
    List<io.hallows.sql.api.Column> describe(String sql) {
        Prepared p = await(session.prepare(sql, List.of()));
        try {
            return p.columns();
        } finally {
            p.close();
        }
    }

    Result execute(String sql, String types, Object[] args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof Optional<?> o ? o.orElse(null) : args[i];
        }
        return await(prepared(sql, types).execute(values));
    }

    void close() {
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // closing is best effort: the engine may have stopped first
        }
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw unwrap(e);
        }
    }

    static RuntimeException unwrap(java.util.concurrent.CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }
}
