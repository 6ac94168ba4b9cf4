package io.hallows.db.oltp.impl.shell;

import io.hallows.db.oltp.api.Database;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The operator's view of the database, in the Gogo scope {@code db}. The shell is the stack's
 * operator console (the kernel lets only the stack's own bundles add to it), so these commands
 * act with the operator's authority, as user {@code shell}.
 */
@Component(service = DbCommands.class, property = {"osgi.command.scope=db", "osgi.command.function=sql",
    "osgi.command.function=stats", "osgi.command.function=checkpoint"})
public final class DbCommands {
    private static final long TIMEOUT_SECONDS = 60;

    private static final long START_WAIT_SECONDS = 120;
    private final Object arrival = new Object();
    // Optional and dynamic: the commands exist from the stack's start, while the database is
    // still recovering, so that a script's first db:sql waits for it instead of "Command not found".
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbind")
    void bind(Database db) {
        synchronized (arrival) {
            database = db;
            arrival.notifyAll();
        }
    }

    void unbind(Database db) {
        synchronized (arrival) {
            if (database == db) {
                database = null;
            }
        }
    }

    /** The database, waiting while it starts (recovery after a crash can take a while). */
    private Database database() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_SECONDS);
        synchronized (arrival) {
            while (database == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the OLTP database did not start within " + START_WAIT_SECONDS
                            + " s: see log:tail for why (io.hallows.db.oltp)");
                }
                TimeUnit.NANOSECONDS.timedWait(arrival, left);
            }
            return database;
        }
    }

    @Descriptor("run SQL (one or more statements; quote the whole text when it has ';' or '|'), print the results as psql does")
    public String sql(@Descriptor("the statement(s)") String... words) throws InterruptedException {
        String text = String.join(" ", words);
        if (text.isBlank()) {
            return "usage: db:sql \"<statement>[; <statement>…]\"\n";
        }
        try (Session session = database().open("shell", Map.of("application_name", "db:sql"))) {
            QueryOutcome outcome;
            try {
                outcome = session.query(text).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                session.cancel();
                return "ERROR:  no answer within " + TIMEOUT_SECONDS + " s: the statement was cancelled\n";
            }
            StringBuilder out = new StringBuilder();
            for (Result r : outcome.results()) {
                out.append(ResultText.of(r));
                if (r.copyIn() != null) {
                    r.copyIn().fail("COPY FROM STDIN is not available in the shell: use psql (run/hallows psql)");
                    out.append("COPY FROM STDIN is not available in the shell: use psql (run/hallows psql)\n");
                }
            }
            if (outcome.error() != null) {
                throw new SqlFailure(out.append(ResultText.of(outcome.error())).toString());
            }
            return out.toString();
        } catch (SqlException e) {
            throw new SqlFailure(ResultText.of(e));
        } catch (ExecutionException e) {
            throw new SqlFailure(e.getCause() instanceof SqlException s ? ResultText.of(s) : "ERROR:  " + e.getCause() + "\n");
        }
    }

    /**
     * A statement failed: thrown, not returned, so that the shell counts the command as failed (a
     * script's exit status is then 1); the message is what psql would print.
     */
    static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(String printed) {
            super(printed.strip(), null, false, false);
        }
    }

    @Descriptor("show the database's statistics: transactions, commits per log force, log size, checkpoint age, memory")
    public String stats() throws InterruptedException {
        StringBuilder out = new StringBuilder();
        Map<String, String> table = StatsTable.of(database().stats());
        int width = table.keySet().stream().mapToInt(String::length).max().orElse(0);
        table.forEach((k, v) -> out.append(String.format("%-" + width + "s  %s%n", k, v)));
        return out.toString();
    }

    @Descriptor("write a checkpoint now (a consistent snapshot of every table) and remove the log it makes unnecessary")
    public String checkpoint() throws InterruptedException {
        long start = System.nanoTime();
        try {
            database().checkpoint().get(TIMEOUT_SECONDS * 10, TimeUnit.SECONDS);
            return String.format("checkpoint written in %d ms%n%s", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), stats());
        } catch (ExecutionException | TimeoutException e) {
            return "checkpoint failed: " + (e.getCause() == null ? e : e.getCause()) + "\n";
        }
    }
}
