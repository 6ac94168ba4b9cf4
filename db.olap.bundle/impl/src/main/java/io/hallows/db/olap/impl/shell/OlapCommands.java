package io.hallows.db.olap.impl.shell;

import io.hallows.db.olap.impl.load.TpchLoad;
import io.hallows.db.olap.impl.sql.OlapEngine;
import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.io.PrintStream;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The operator's view of the OLAP database, in the Gogo scope {@code olap}: {@code olap:sql},
 * {@code olap:tables} and {@code olap:load-tpch} (a {@link Function}, since Gogo maps names to
 * methods and a method cannot be called {@code load-tpch}). Registered by the database once it is
 * open; the shell is the operator's console, so these act with the operator's authority.
 */
public final class OlapCommands {
    private static final long SQL_TIMEOUT_SECONDS = 600;
    private final OlapEngine engine;
    private final Executor executor;

    private OlapCommands(OlapEngine engine, Executor executor) {
        this.engine = engine;
        this.executor = executor;
    }

    /** Registers the commands; unregister them before the engine closes. */
    public static List<ServiceRegistration<?>> register(BundleContext context, OlapEngine engine, Executor executor) {
        OlapCommands commands = new OlapCommands(engine, executor);
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("osgi.command.scope", "olap");
        p.put("osgi.command.function", new String[] {"sql", "tables"});
        Hashtable<String, Object> load = new Hashtable<>();
        load.put("osgi.command.scope", "olap");
        load.put("osgi.command.function", new String[] {"load-tpch"});
        return List.of(context.registerService(OlapCommands.class, commands, p),
                context.registerService(Function.class, (Function) commands::loadTpch, load));
    }

    @Descriptor("run SQL on the OLAP database (quote the whole text when it has ';' or '|'), print the results as psql does")
    public String sql(@Descriptor("the statement(s)") String... words) throws InterruptedException {
        String text = String.join(" ", words);
        if (text.isBlank()) {
            return "usage: olap:sql \"<statement>[; <statement>…]\"\n";
        }
        try (Session session = engine.open("shell", Map.of("application_name", "olap:sql"))) {
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
    public String tables() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %14s %7s %12s%n", "table", "rows", "chunks", "bytes"));
        for (TableStore.TableInfo t : engine.store().info()) {
            if (t.problem() != null) {
                out.append(String.format(Locale.ROOT, "%-24s OFFLINE: %s%n", t.name(), t.problem()));
            } else {
                out.append(String.format(Locale.ROOT, "%-24s %,14d %7d %,12d%n", t.name(), t.rows(), t.chunks(), t.bytes()));
            }
        }
        return out.toString();
    }

    /** olap:load-tpch &lt;scale&gt;: generates the TPC-H tables on the olap partition, printing progress. */
    private Object loadTpch(CommandSession session, List<Object> args) throws Exception {
        if (args.size() != 1) {
            return "usage: olap:load-tpch <scale factor, e.g. 0.1 or 1>\n";
        }
        double scale;
        try {
            scale = Double.parseDouble(args.get(0).toString());
        } catch (NumberFormatException e) {
            return "olap:load-tpch: '" + args.get(0) + "' is not a scale factor\n";
        }
        PrintStream console = session.getConsole();
        long start = System.nanoTime();
        CompletableFuture<Long> done = CompletableFuture.supplyAsync(() -> {
            try (BufferAllocator allocator = engine.loadAllocator()) {
                return TpchLoad.run(engine.store(), scale, allocator, console::println, () -> Thread.currentThread().isInterrupted());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor);
        try {
            long rows = done.get();
            return String.format(Locale.ROOT, "TPC-H scale %s: %,d rows in 8 tables, %.1f s%n", args.get(0), rows,
                    (System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            return "olap:load-tpch failed: " + e.getCause().getMessage() + "\n";
        }
    }
}
