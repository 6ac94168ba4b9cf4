package io.hallows.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The admin API's endpoints and how a request path finds one. A path segment written
 * {@code {name}} in a pattern matches any one segment: the partition's name, percent-decoded.
 */
final class Routes {
    /** An endpoint bound to the partition named in its path (null where the path names none). */
    @FunctionalInterface
    interface Call {
        JsonObject run(Buffer body);
    }

    private interface Endpoint {
        JsonObject run(String partition, Buffer body);
    }

    private record Route(HttpMethod method, String pattern, Endpoint endpoint) {
    }

    private static final String NAME = "{name}";

    private final List<Route> routes;

    Routes(AdminApi api) {
        this.routes = List.of(
                new Route(HttpMethod.GET, "/v1/partitions", (p, body) -> api.partitions()),
                new Route(HttpMethod.GET, "/v1/schedulers", (p, body) -> api.schedulers()),
                new Route(HttpMethod.GET, "/v1/partitions/{name}/stats", (p, body) -> api.stats(p)),
                new Route(HttpMethod.POST, "/v1/partitions/{name}/swap", api::swap),
                new Route(HttpMethod.POST, "/v1/partitions/{name}/rollback", api::rollback),
                new Route(HttpMethod.GET, "/v1/basilisk/routes", (p, body) -> api.basiliskRoutes()));
    }

    /**
     * @throws ApiException 404 if no endpoint has this path, 405 if none at this path takes the
     *     method, 400 if the partition's name is not well percent-encoded
     */
    Call find(HttpMethod method, String path) {
        List<Route> atPath = routes.stream().filter(r -> matches(r.pattern(), path)).toList();
        if (atPath.isEmpty()) {
            throw new ApiException(404, "no endpoint " + method + " " + path + "; the endpoints are: "
                    + routes.stream().map(r -> r.method() + " " + r.pattern()).collect(Collectors.joining(", ")));
        }
        Route route = atPath.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow(
                () -> new ApiException(405, path + " takes " + allowed(path) + ", not " + method));
        String partition = partition(route.pattern(), path);
        return body -> route.endpoint().run(partition, body);
    }

    /** The methods the endpoints at {@code path} take, for an {@code Allow} header. */
    String allowed(String path) {
        return routes.stream().filter(r -> matches(r.pattern(), path)).map(r -> r.method().name()).distinct()
                .collect(Collectors.joining(", "));
    }

    private static boolean matches(String pattern, String path) {
        if (path == null) {
            return false;
        }
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals(NAME) && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    private static String partition(String pattern, String path) {
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals(NAME)) {
                try {
                    // '+' is a plain character in a path, only a space in a query string.
                    return URLDecoder.decode(have[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "malformed percent-encoding in the partition name '" + have[i] + "': " + e.getMessage());
                }
            }
        }
        return null;
    }
}
