package io.hallows.db.olap.impl.shell;

import io.hallows.db.olap.api.OlapDatabase;
import io.hallows.db.olap.impl.load.TpchLoad;
import io.hallows.db.olap.impl.sql.OlapEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code olap:load-tpch <scale>}: generates the eight TPC-H tables on the olap partition, printing a
 * line per table, each replacing the table of its name atomically. A {@link Function}, since Gogo
 * maps command names to methods and no method can be called {@code load-tpch}. A failure is thrown,
 * so that a script run reports it.
 */
@Component(service = Function.class, property = {"osgi.command.scope=olap", "osgi.command.function=load-tpch"})
public final class LoadTpchCommand implements Function {
    private final EngineWait database = new EngineWait();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbind")
    void bind(OlapDatabase db) {
        database.bind(db);
    }

    void unbind(OlapDatabase db) {
        database.unbind(db);
    }

    @Override
    public Object execute(CommandSession session, List<Object> args) throws Exception {
        if (args.size() != 1) {
            throw new IllegalArgumentException("usage: olap:load-tpch <scale factor, e.g. 0.1 or 1>");
        }
        double scale;
        try {
            scale = Double.parseDouble(args.get(0).toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("olap:load-tpch: '" + args.get(0) + "' is not a scale factor");
        }
        OlapEngine engine = database.engine();
        PrintStream console = session.getConsole();
        long start = System.nanoTime();
        CompletableFuture<Long> done = CompletableFuture.supplyAsync(() -> {
            try (BufferAllocator allocator = engine.loadAllocator()) {
                return TpchLoad.run(engine.store(), scale, allocator, console::println, () -> Thread.currentThread().isInterrupted());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, engine.executor());
        try {
            long rows = done.get();
            return String.format(Locale.ROOT, "TPC-H scale %s: %,d rows in 8 tables, %.1f s", args.get(0), rows,
                    (System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("olap:load-tpch failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
