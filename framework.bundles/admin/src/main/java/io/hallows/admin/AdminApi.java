package io.hallows.admin;

import io.hallows.basilisk.api.WebStatus;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.Schedulers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What each endpoint does, as plain calls: read the request, call the kernel, render the answer.
 * These methods block (a swap waits for the old scheduler to hand its queue back), so they run on
 * a worker thread, never on the event loop. A request body is validated completely before the
 * kernel is called, so a rejected request changes nothing.
 */
final class AdminApi {
    private static final String SWAP_EXAMPLE = "{\"scheduler\":\"keyed\"}";

    private final Schedulers schedulers;
    private final Partitions partitions;
    private final Supplier<WebStatus> web;

    /** @param web the Basilisk server's status while it runs, else null */
    AdminApi(Schedulers schedulers, Partitions partitions, Supplier<WebStatus> web) {
        this.schedulers = schedulers;
        this.partitions = partitions;
        this.web = web;
    }

    /** {@code GET /v1/partitions}: {@code {"partitions": [...]}}, ordered by name. */
    JsonObject partitions() {
        List<SchedulerInfo> installed = schedulers.installed();
        Map<String, String> active = new HashMap<>();
        installed.forEach(s -> s.activeIn().forEach(p -> active.put(p, s.name())));
        return new JsonObject().put("partitions",
                new JsonArray(partitions.list().stream().map(p -> JsonViews.partition(p, active.get(p.name()))).toList()));
    }

    /** {@code GET /v1/schedulers}: {@code {"schedulers": [...]}}. */
    JsonObject schedulers() {
        return new JsonObject().put("schedulers", new JsonArray(schedulers.installed().stream().map(JsonViews::scheduler).toList()));
    }

    /** {@code GET /v1/partitions/{name}/stats}. */
    JsonObject stats(String partition) {
        return JsonViews.stats(schedulers.stats(partition));
    }

    /** {@code POST /v1/partitions/{name}/swap} with {@code {"scheduler": "<name>"}}. */
    JsonObject swap(String partition, Buffer body) {
        String scheduler = JsonBody.parse(body, SWAP_EXAMPLE, false, Set.of("scheduler"))
                .requiredString("scheduler", "the name of the policy to switch to, e.g. " + SWAP_EXAMPLE);
        return JsonViews.swap(schedulers.swap(partition, scheduler));
    }

    /** {@code GET /v1/basilisk/routes}: the Basilisk server's address and its routes with their metrics. */
    JsonObject basiliskRoutes() {
        WebStatus status = web.get();
        if (status == null) {
            throw new ApiException(503, "the Basilisk HTTP server is not running (bundle io.hallows.framework.basilisk)");
        }
        return JsonViews.basilisk(status);
    }

    /** {@code POST /v1/partitions/{name}/rollback} with an empty body or {@code {}}. */
    JsonObject rollback(String partition, Buffer body) {
        JsonBody.parse(body, "{}", true, Set.of());
        return JsonViews.swap(schedulers.rollback(partition));
    }
}
