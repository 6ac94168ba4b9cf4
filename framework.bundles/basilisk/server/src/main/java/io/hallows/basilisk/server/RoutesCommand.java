package io.hallows.basilisk.server;

import io.hallows.basilisk.api.RouteStats;
import io.hallows.basilisk.api.WebStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code basilisk:routes}: what the server serves, with each route's counters. */
@Component(service = RoutesCommand.class, property = {"osgi.command.scope=basilisk", "osgi.command.function=routes"})
public final class RoutesCommand {
    private final WebStatus status;

    @org.osgi.service.component.annotations.Activate
    public RoutesCommand(@Reference WebStatus status) {
        this.status = status;
    }

    @Descriptor("lists the served routes: module, revision, method, path, operation, requests, 4xx, 5xx, p50/p99 latency")
    public String routes() {
        return table(status);
    }

    static String table(WebStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODULE", "REVISION", "METHOD", "PATH", "OPERATION", "KIND", "REQUESTS", "4XX", "5XX", "P50", "P99"});
        for (RouteStats r : status.routes()) {
            rows.add(new String[] {r.module(), r.revision(), r.method(), r.path(), r.operation(), r.kind().name().toLowerCase(),
                Long.toString(r.requests()), Long.toString(r.clientErrors()), Long.toString(r.serverErrors()), micros(r.p50Micros()),
                micros(r.p99Micros())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder("Basilisk on ").append(status.host()).append(':').append(status.port()).append(", ")
                .append(status.connections()).append(" connections\n");
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                b.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            b.append('\n');
        }
        if (rows.size() == 1) {
            b.append("(no routes: no module with routes is deployed)\n");
        }
        return b.toString();
    }

    static String micros(long us) {
        return us >= 10_000 ? (us / 1000) + " ms" : us + " us";
    }
}
