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
 * A revision's counters live as long as it serves.
 *
 * <p>Updating a module's bundle unregisters the old revision before the new one registers. So that
 * no request fails in between, a module whose last revision went away is <em>departing</em> for
 * {@link BasiliskConfig#swapGraceMs()}: its routes stay in the table, and a request that reaches one is parked
 * ({@link #parked}) until the next revision registers (it then runs there) or the grace ends (404).
 * Thread-safe (changes are rare: synchronized).
 */
final class Whiteboard {
    private final Logger log;
    /** Module name → its registered revisions by service id; modules in the order they first came. */
    private final Map<String, TreeMap<Long, WebModule>> modules = new LinkedHashMap<>();
    private List<BoundRoute> table = List.of();
    private final Map<String, String> refusedBefore = new HashMap<>();
    /** Module name → its last revision, which went away less than the grace ago. */
    private final Map<String, Departure> departed = new HashMap<>();

    /** The last revision of a module that has none now, and what parked requests wait on. */
    private record Departure(WebModule module, long serviceId, java.util.concurrent.CompletableFuture<Void> next) {}

    Whiteboard(Logger log) {
        this.log = log;
    }

    /** Adds a revision; returns the new table. */
    synchronized List<BoundRoute> add(WebModule module, long serviceId) {
        modules.computeIfAbsent(module.module(), m -> new TreeMap<>()).put(serviceId, module);
        Departure gone = departed.remove(module.module());
        List<BoundRoute> t = rebuild();
        if (gone != null) {
            gone.next().complete(null); // parked requests look the new route up in the table just built
        }
        return t;
    }

    /** Removes a revision; returns the new table. With {@code keep}, a module's last revision departs (see above). */
    synchronized List<BoundRoute> remove(WebModule module, long serviceId, boolean keep) {
        TreeMap<Long, WebModule> revisions = modules.get(module.module());
        if (revisions != null) {
            revisions.remove(serviceId);
            if (revisions.isEmpty() && !keep) {
                modules.remove(module.module());
            } else if (revisions.isEmpty()) {
                departed.put(module.module(), new Departure(module, serviceId, new java.util.concurrent.CompletableFuture<>()));
            }
        }
        return rebuild();
    }

    /**
     * Ends the grace of a module whose revision {@code serviceId} went away: if no revision came
     * since, its routes go and its parked requests are answered 404. Returns the new table, or
     * null when nothing changed.
     */
    synchronized List<BoundRoute> expire(String module, long serviceId) {
        Departure d = departed.get(module);
        if (d == null || d.serviceId() != serviceId) {
            return null;
        }
        departed.remove(module);
        TreeMap<Long, WebModule> revisions = modules.get(module);
        if (revisions != null && revisions.isEmpty()) {
            modules.remove(module);
        }
        List<BoundRoute> t = rebuild();
        d.next().complete(null);
        return t;
    }

    /** What a request for {@code bound} must wait on, or null when its revision serves. */
    synchronized java.util.concurrent.CompletableFuture<Void> parked(BoundRoute bound) {
        Departure d = departed.get(bound.module());
        return d != null && d.serviceId() == bound.serviceId() ? d.next() : null;
    }

    /** Whether {@code bound}'s revision is registered now. */
    synchronized boolean serving(BoundRoute bound) {
        TreeMap<Long, WebModule> revisions = modules.get(bound.module());
        return revisions != null && revisions.containsKey(bound.serviceId());
    }

    /** The route serving {@code key} of {@code module} now, or null. */
    synchronized BoundRoute current(String module, String key) {
        for (BoundRoute b : table) {
            if (b.module().equals(module) && b.key().equals(key)) {
                return b;
            }
        }
        return null;
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
            Departure gone = departed.get(e.getKey());
            Map.Entry<Long, WebModule> newest = e.getValue().isEmpty() ? Map.entry(gone.serviceId(), gone.module()) : e.getValue().lastEntry();
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
