package io.hallows.db.oltp.impl.shell;

import io.hallows.db.oltp.api.DatabaseStats;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The statistics as name/value pairs, the same for {@code db:stats} and {@code SHOW hallows.stats}. */
public final class StatsTable {
    private StatsTable() {
    }

    public static Map<String, String> of(DatabaseStats d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("commits", Long.toString(d.commits()));
        m.put("logged_commits", Long.toString(d.loggedCommits()));
        m.put("rollbacks", Long.toString(d.rollbacks()));
        m.put("serialization_failures", Long.toString(d.serializationFailures()));
        m.put("forces", Long.toString(d.forces()));
        m.put("commits_per_force", String.format(Locale.ROOT, "%.2f", d.commitsPerForce()));
        m.put("log_bytes", Long.toString(d.logBytes()));
        m.put("last_checkpoint", d.lastCheckpoint() == null ? "never" : d.lastCheckpoint().toString());
        m.put("checkpoint_age_s", d.lastCheckpoint() == null ? "-"
                : Long.toString(Duration.between(d.lastCheckpoint(), Instant.now()).toSeconds()));
        m.put("memory_used_bytes", Long.toString(d.memoryUsed()));
        m.put("memory_limit_bytes", Long.toString(d.memoryLimit()));
        m.put("tables", Integer.toString(d.tables()));
        m.put("rows", Long.toString(d.rows()));
        m.put("last_recovery_ms", d.lastRecovery() == null ? "-" : Long.toString(d.lastRecovery().toMillis()));
        m.put("sessions", Integer.toString(d.sessions()));
        return m;
    }
}
