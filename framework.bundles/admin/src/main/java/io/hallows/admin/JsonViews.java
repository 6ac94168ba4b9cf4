package io.hallows.admin;

import io.hallows.basilisk.api.WebStatus;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.RestartPolicy;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The kernel's records as JSON. Field names are the records' component names; enums are lower
 * case; instants are ISO-8601 strings; durations are numbers whose name carries the unit
 * ({@code pauseMicros}, {@code windowMillis}). Absent values are {@code null}, never left out.
 */
final class JsonViews {
    private JsonViews() {
    }

    /** @param activeScheduler the name of the policy serving it now, or null if none is known */
    static JsonObject partition(PartitionStatus p, String activeScheduler) {
        RestartPolicy r = p.restartPolicy();
        return new JsonObject()
                .put("name", p.name())
                .put("state", p.state().label())
                .put("cpus", p.cpus())
                .put("exclusive", p.exclusive())
                .put("scheduler", p.scheduler())
                .put("activeScheduler", activeScheduler)
                .put("restartPolicy", r == null ? null : new JsonObject()
                        .put("maxRestarts", r.maxRestarts())
                        .put("windowMillis", r.window().toMillis())
                        .put("backoffMillis", r.backoff().toMillis())
                        .put("maxBackoffMillis", r.maxBackoff().toMillis()))
                .put("bundlePatterns", new JsonArray(p.bundlePatterns()))
                .put("bundles", new JsonArray(p.bundles()))
                .put("grants", new JsonArray(p.grants()))
                .put("restarts", p.restarts())
                .put("totalRestarts", p.totalRestarts())
                .put("lastFault", p.lastFault())
                .put("lastFaultTime", instant(p.lastFaultTime()))
                .put("since", instant(p.since()))
                .put("rejected", p.rejected());
    }

    static JsonObject scheduler(SchedulerInfo s) {
        return new JsonObject()
                .put("name", s.name())
                .put("bundle", s.bundle())
                .put("version", s.version())
                .put("description", s.description())
                .put("activeIn", new JsonArray(s.activeIn()));
    }

    static JsonObject stats(SchedulerStats s) {
        return new JsonObject()
                .put("partition", s.partition())
                .put("scheduler", s.scheduler())
                .put("workers", s.workers())
                .put("watchdogMillis", s.watchdogMillis())
                .put("submitted", s.submitted())
                .put("completed", s.completed())
                .put("failed", s.failed())
                .put("queued", s.queued())
                .put("running", s.running())
                .put("p50Micros", finite(s.p50Micros()))
                .put("p99Micros", finite(s.p99Micros()))
                .put("p999Micros", finite(s.p999Micros()))
                .put("swaps", new JsonArray(s.swaps().stream().map(JsonViews::swap).toList()))
                .put("lastExit", s.lastExit() == null ? null : swap(s.lastExit()))
                .put("policy", value(s.policy()))
                .put("loops", s.loops())
                .put("stalls", s.stalls())
                .put("lastStall", s.lastStall())
                .put("overruns", s.overruns())
                .put("replacedWorkers", s.replacedWorkers())
                .put("lastOverrun", s.lastOverrun());
    }

    static JsonObject swap(SwapRecord r) {
        return new JsonObject()
                .put("at", instant(r.at()))
                .put("from", r.from())
                .put("to", r.to())
                .put("reason", r.reason() == null ? null : r.reason().toString())
                .put("detail", r.detail())
                .put("pauseMicros", r.pauseNanos() / 1e3)
                .put("handedBack", r.handedBack());
    }

    /**
     * A policy's own figure as a JSON value. Policies report what they like; anything JSON has no
     * type for is shown as its {@code toString()} rather than failing the whole response.
     */
    static Object value(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i;
            case Long l -> l;
            case Short i -> i.intValue();
            case Byte i -> i.intValue();
            case Number n -> finite(n.doubleValue());
            case Map<?, ?> m -> {
                JsonObject o = new JsonObject();
                m.forEach((key, item) -> o.put(String.valueOf(key), value(item)));
                yield o;
            }
            case Collection<?> c -> new JsonArray(c.stream().map(JsonViews::value).toList());
            default -> v.toString();
        };
    }

    /** JSON has no NaN or infinity (a percentile of no samples): those become null. */
    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    /** The Basilisk server: where it listens and each route with its counters (latencies in microseconds). */
    static JsonObject basilisk(WebStatus web) {
        return new JsonObject()
                .put("host", web.host())
                .put("port", web.port())
                .put("connections", web.connections())
                .put("routes", new JsonArray(web.routes().stream().map(r -> new JsonObject()
                        .put("module", r.module())
                        .put("revision", r.revision())
                        .put("method", r.method())
                        .put("path", r.path())
                        .put("operation", r.operation())
                        .put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("requests", r.requests())
                        .put("clientErrors", r.clientErrors())
                        .put("serverErrors", r.serverErrors())
                        .put("p50Micros", r.p50Micros())
                        .put("p99Micros", r.p99Micros())).toList()));
    }
}
