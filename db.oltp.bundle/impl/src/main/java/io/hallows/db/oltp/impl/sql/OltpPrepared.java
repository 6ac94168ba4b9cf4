package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A prepared statement: planned once (through the shared cache, keyed by its text and declared
 * parameter types); executions only bind and run. Statements outside Calcite's grammar (BEGIN,
 * SET, SHOW…) are kept as text and run as such.
 */
final class OltpPrepared implements Prepared {
    private final OltpSession session;
    private final String sql;
    private final Shape shape;
    /** Re-made after DDL (see {@link PlanCache#version()}); only the session's tasks touch it. */
    private Plan plan;
    private long planVersion;
    private final List<SqlType> parameterTypes;
    private final List<Column> columns;

    private OltpPrepared(OltpSession session, String sql, Shape shape, Plan plan, List<SqlType> parameterTypes, List<Column> columns) {
        this.session = session;
        this.sql = sql;
        this.shape = shape;
        this.plan = plan;
        this.planVersion = session.engine.cache.version();
        this.parameterTypes = parameterTypes;
        this.columns = columns;
    }

    static OltpPrepared of(OltpSession session, String sql, List<SqlType> declared) {
        List<Lexer.Token> tokens = Lexer.scan(sql);
        for (Lexer.Token t : tokens) {
            if (t.kind() == Lexer.Kind.SEMI && t != tokens.get(tokens.size() - 1)) {
                throw new SqlException("42601", "cannot insert multiple commands into a prepared statement", t.start() + 1);
            }
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Lexer.Kind.SEMI) {
            tokens = tokens.subList(0, tokens.size() - 1);
            sql = sql.substring(0, tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end());
        }
        String first = tokens.isEmpty() || tokens.get(0).kind() != Lexer.Kind.WORD ? "" : tokens.get(0).text();
        if (tokens.isEmpty() || Commands.isCommand(first)) {
            List<Column> cols = first.equals("show") && tokens.size() > 1 ? Settings.showColumns(sql, tokens) : List.of();
            return new OltpPrepared(session, sql, null, null, List.of(), cols);
        }
        Shape shape = Shape.of(sql, tokens, false, declared);
        long version = session.engine.cache.version();
        Plan plan = session.engine.cache.prepare(shape);
        if (version != session.engine.cache.version()) {
            plan = session.engine.cache.prepare(shape);
        }
        List<SqlType> types = new ArrayList<>();
        for (int n = 0; n < shape.parameterCount(); n++) {
            SqlType t = n < declared.size() ? declared.get(n) : SqlType.UNKNOWN;
            if (t == SqlType.UNKNOWN) {
                int at = shape.bindings().indexOf(n);
                t = at >= 0 && at < plan.parameterTypes.size() ? plan.parameterTypes.get(at) : SqlType.TEXT;
            }
            types.add(t);
        }
        return new OltpPrepared(session, sql, shape, plan, List.copyOf(types), plan.columns);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public List<SqlType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public CompletableFuture<Result> execute(Object... parameters) {
        return session.onExecutor(() -> {
            if (plan == null) {
                return session.statement(sql, 0, parameters);
            }
            if (session.failed) {
                SqlException e = new SqlException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
                return CompletableFuture.failedFuture(e);
            }
            if (session.copy != null) {
                return CompletableFuture.failedFuture(new SqlException("08P01", "a COPY is in progress"));
            }
            if (parameters.length < shape.parameterCount()) {
                return CompletableFuture.failedFuture(new SqlException("08P01", "bind message supplies " + parameters.length
                        + " parameters, but prepared statement requires " + shape.parameterCount()));
            }
            Object[] values;
            try {
                if (planVersion != session.engine.cache.version()) {
                    planVersion = session.engine.cache.version();
                    plan = session.engine.cache.prepare(shape);
                }
                values = shape.bind(plan.parameterTypes, parameters);
            } catch (SqlException e) {
                session.abort(e);
                return CompletableFuture.failedFuture(e);
            }
            return session.planned(plan, values);
        });
    }

    @Override
    public void close() {
        // nothing to free: the plan stays in the shared cache
    }
}
