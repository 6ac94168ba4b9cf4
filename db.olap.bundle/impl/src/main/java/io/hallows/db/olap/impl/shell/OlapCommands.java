package io.hallows.db.olap.impl.shell;

import io.hallows.db.olap.api.OlapDatabase;
import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.util.Locale;
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
 * The operator's view of the OLAP database, in the Gogo scope {@code olap}: {@code olap:sql} and
 * {@code olap:tables} ({@code olap:load-tpch} is {@link LoadTpchCommand}). The shell is the stack's
 * operator console, so these act with the operator's authority, as user {@code shell}.
 */
@Component(service = OlapCommands.class, property = {"osgi.command.scope=olap", "osgi.command.function=sql",
    "osgi.command.function=tables"})
public final class OlapCommands {
    private static final long SQL_TIMEOUT_SECONDS = 600;
    private final EngineWait database = new EngineWait();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbind")
    void bind(OlapDatabase db) {
        database.bind(db);
    }

    void unbind(OlapDatabase db) {
        database.unbind(db);
    }

    @Descriptor("run SQL on the OLAP database (quote the whole text when it has ';' or '|'), print the results as psql does")
    public String sql(@Descriptor("the statement(s)") String... words) throws InterruptedException {
        String text = String.join(" ", words);
        if (text.isBlank()) {
            return "usage: olap:sql \"<statement>[; <statement>…]\"\n";
        }
        try (Session session = database.engine().open("shell", Map.of("application_name", "olap:sql"))) {
            QueryOutcome outcome;
            try {
                outcome = session.query(text).get(SQL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                session.cancel();
                return "ERROR:  no answer within " + SQL_TIMEOUT_SECONDS + " s: the statement was cancelled\n";
            } catch (ExecutionException e) {
                return "ERROR:  " + e.getCause().getMessage() + "\n";
            }
            StringBuilder out = new StringBuilder();
            for (Result r : outcome.results()) {
                out.append(ResultTable.format(r));
            }
            SqlException error = outcome.error();
            if (error != null) {
                out.append("ERROR:  ").append(error.getMessage()).append('\n');
                if (error.detail() != null) {
                    out.append("DETAIL:  ").append(error.detail()).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Descriptor("list the OLAP tables: rows, chunks, file size, and why a table is offline")
    public String tables() throws InterruptedException {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %14s %7s %12s%n", "table", "rows", "chunks", "bytes"));
        for (TableStore.TableInfo t : database.engine().store().info()) {
            if (t.problem() != null) {
                out.append(String.format(Locale.ROOT, "%-24s OFFLINE: %s%n", t.name(), t.problem()));
            } else {
                out.append(String.format(Locale.ROOT, "%-24s %,14d %7d %,12d%n", t.name(), t.rows(), t.chunks(), t.bytes()));
            }
        }
        return out.toString();
    }
}
