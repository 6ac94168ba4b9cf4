package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plans by statement text, shared by the sessions. The simple protocol sends literals, so a
 * statement is first tried in its normalised form (literals as parameters, see {@link Shape});
 * when that form does not plan, or a literal does not fit its parameter exactly, the text as
 * written is planned (and cached under its own text). DDL clears the cache.
 */
final class PlanCache {
    /** Marks a normalised text that does not plan: the written text is used instead. */
    private static final Object UNPLANNABLE = new Object();
    private static final int LIMIT = 10_000;

    private final Planner planner;
    private final ConcurrentHashMap<String, Object> plans = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong version = new AtomicLong();

    PlanCache(Planner planner) {
        this.planner = planner;
    }

    /** A plan and its parameter values. */
    record Bound(Plan plan, Object[] params) {
    }

    /** Plans (or finds) {@code sql} and binds {@code params} (the client's {@code $n} values). */
    Bound bind(String sql, List<Lexer.Token> tokens, Object[] params) {
        Shape normalised = Shape.of(sql, tokens, true, List.of());
        if (normalised.hasLiterals()) {
            Object p = plans.get(normalised.cacheKey());
            if (p == null) {
                long version = this.version.get();
                try {
                    p = plan(normalised);
                } catch (SqlException e) {
                    p = UNPLANNABLE;
                }
                put(normalised.cacheKey(), p, version);
            } else {
                hits.incrementAndGet();
            }
            if (p instanceof Plan plan) {
                Object[] values = normalised.bind(plan.parameterTypes, params);
                if (values != null) {
                    return new Bound(plan, values);
                }
            }
            Shape written = Shape.of(sql, tokens, false, List.of());
            Plan plan = lookup(written);
            return new Bound(plan, written.bind(plan.parameterTypes, params));
        }
        Plan plan = lookup(normalised);
        return new Bound(plan, normalised.bind(plan.parameterTypes, params));
    }

    /** Plans a statement for the extended protocol ({@code $n} parameters, literals kept). */
    Plan prepare(Shape shape) {
        return lookup(shape);
    }

    private Plan lookup(Shape shape) {
        Object p = plans.get(shape.cacheKey());
        if (p instanceof Plan plan) {
            hits.incrementAndGet();
            return plan;
        }
        long version = this.version.get();
        Plan plan = plan(shape);
        put(shape.cacheKey(), plan, version);
        return plan;
    }

    private Plan plan(Shape shape) {
        misses.incrementAndGet();
        return planner.plan(shape.key(), shape.returning(), shape.locking());
    }

    /** Keeps a plan unless DDL ran while it was made (it may name a table that is gone). */
    private void put(String key, Object plan, long madeAt) {
        if (plans.size() >= LIMIT) {
            plans.clear();
        }
        if (version.get() == madeAt) {
            plans.put(key, plan);
        }
    }

    /** Forgets every plan (after DDL: plans hold the tables they were made for). */
    void clear() {
        version.incrementAndGet();
        plans.clear();
    }

    /** Changes at every DDL: a plan made at another version may name a table object that is gone. */
    long version() {
        return version.get();
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
