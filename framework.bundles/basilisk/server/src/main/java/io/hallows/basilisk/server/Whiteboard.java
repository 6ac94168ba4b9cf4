package io.hallows.basilisk.server;

import io.hallows.basilisk.api.Route;
import io.hallows.basilisk.api.WebModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.log.Logger;

/**
 * The registered {@link WebModule} services and the route table they make: per module the newest
 * revision (highest service id) serves; two modules declaring the same method and path, the module
 * that registered first keeps the route and the other is refused it with a WARN naming both.
 * A revision's counters live as long as it serves. Thread-safe (changes are rare: synchronized).
 */
final class Whiteboard {
    private final Logger log;
    /** Module name → its registered revisions by service id; modules in the order they first came. */
    private final Map<String, TreeMap<Long, WebModule>> modules = new LinkedHashMap<>();
    private List<BoundRoute> table = List.of();
    private final Map<String, String> refusedBefore = new HashMap<>();

    Whiteboard(Logger log) {
        this.log = log;
    }

    /** Adds a revision; returns the new table. */
    synchronized List<BoundRoute> add(WebModule module, long serviceId) {
        modules.computeIfAbsent(module.module(), m -> new TreeMap<>()).put(serviceId, module);
        return rebuild();
    }

    /** Removes a revision; returns the new table. */
    synchronized List<BoundRoute> remove(WebModule module, long serviceId) {
        TreeMap<Long, WebModule> revisions = modules.get(module.module());
        if (revisions != null) {
            revisions.remove(serviceId);
            if (revisions.isEmpty()) {
                modules.remove(module.module());
            }
        }
        return rebuild();
    }

    synchronized List<BoundRoute> table() {
        return table;
    }

    private List<BoundRoute> rebuild() {
        Map<Object, BoundRoute> previous = new HashMap<>();
        for (BoundRoute b : table) {
            previous.put(b.route(), b);
        }
        Map<String, BoundRoute> byKey = new LinkedHashMap<>();
        Map<String, String> refused = new HashMap<>();
        for (Map.Entry<String, TreeMap<Long, WebModule>> e : modules.entrySet()) {
            Map.Entry<Long, WebModule> newest = e.getValue().lastEntry();
            WebModule m = newest.getValue();
            List<Route> routes;
            try {
                routes = m.routes();
            } catch (RuntimeException x) {
                log.error("basilisk: module {} revision {} failed to list its routes: {}", e.getKey(), safeRevision(m), x.toString(), x);
                continue;
            }
            for (Route r : routes) {
                BoundRoute old = previous.get(r);
                BoundRoute b = old != null && old.serviceId() == newest.getKey() ? old
                        : new BoundRoute(e.getKey(), safeRevision(m), newest.getKey(), r, BoundRoute.servedMethod(r), new RouteMetrics());
                BoundRoute holder = byKey.putIfAbsent(b.key(), b);
                if (holder != null) {
                    String why = holder.describe() + " / " + b.describe();
                    refused.put(b.module() + " " + b.key(), why);
                    if (!why.equals(refusedBefore.get(b.module() + " " + b.key()))) {
                        log.warn("basilisk: route {} of module {} is refused: {} already serves it (module {})", b.key(), b.module(),
                                holder.describe(), holder.module());
                    }
                }
            }
        }
        refusedBefore.clear();
        refusedBefore.putAll(refused);
        table = List.copyOf(new ArrayList<>(byKey.values()));
        return table;
    }

    private static String safeRevision(WebModule m) {
        try {
            return m.revision();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
