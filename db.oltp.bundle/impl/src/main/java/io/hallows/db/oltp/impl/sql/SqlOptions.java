package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Isolation;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the SQL engine runs.
 *
 * @param defaultIsolation the isolation of transactions that do not ask for one (PostgreSQL's: READ COMMITTED)
 * @param synchronousCommit whether a commit waits for its log record to be durable (a session may
 *     {@code SET synchronous_commit = off}); true unless configured otherwise
 * @param stats the figures {@code SHOW hallows.stats} lists, by name
 * @param maxSessions sessions open at once; one more is refused with 53300
 * @param database the database name ({@code current_database()}, {@code pg_database})
 */
public record SqlOptions(Isolation defaultIsolation, boolean synchronousCommit, Supplier<Map<String, String>> stats,
        int maxSessions, String database) {
    public SqlOptions {
        Objects.requireNonNull(defaultIsolation, "defaultIsolation");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(database, "database");
        if (maxSessions <= 0) {
            throw new IllegalArgumentException("maxSessions must be positive: " + maxSessions);
        }
    }

    public SqlOptions(Isolation defaultIsolation, boolean synchronousCommit, Supplier<Map<String, String>> stats, int maxSessions) {
        this(defaultIsolation, synchronousCommit, stats, maxSessions, "hallows");
    }

    /** READ COMMITTED, synchronous commit, no statistics, 100 sessions, database {@code hallows}. */
    public static SqlOptions defaults() {
        return new SqlOptions(Isolation.READ_COMMITTED, true, Map::of, 100, "hallows");
    }
}
