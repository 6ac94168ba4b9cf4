package io.hallows.dsl.impl.compile;

import io.hallows.basilisk.api.BadRequest;
import io.hallows.basilisk.api.Request;
import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.Route;
import io.hallows.basilisk.api.WebModule;
import io.hallows.dsl.runtime.ModuleContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a compiled module's web module as the runtime does (its generated {@code Web$Module} with
 * the revision's services by name) and sends it requests without a server: the route is matched by
 * method and path template here, the path parameters cut out of the path.
 */
final class WebRequests {
    final WebModule web;

    WebRequests(Modules.Running running, CompiledModule module) {
        Map<String, Object> services = new LinkedHashMap<>();
        module.services().forEach(s -> services.put(s.name(), running.service(s.name())));
        try {
            Class<?> type = running.loader.loadClass("pt." + module.name() + ".impl.Web$Module");
            web = (WebModule) type.getConstructor(ModuleContext.class, Map.class, String.class)
                    .newInstance(running.context, services, "1.0.0.test");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route whose method and template match. */
    Route route(String method, String path) {
        for (Route r : web.routes()) {
            if (r.method().equals(method) && params(r.path(), path) != null) {
                return r;
            }
        }
        throw new IllegalArgumentException("no route " + method + " " + path);
    }

    /** Sends a request; {@code query} as name, value, name, value... */
    Response send(String method, String path, String body, String... query) throws BadRequest {
        Route r = route(method, path);
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            q.computeIfAbsent(query[i], k -> new java.util.ArrayList<>()).add(query[i + 1]);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return r.handle(new FakeRequest(method, path, params(r.path(), path), q, bytes));
    }

    static String text(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> params(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{")) {
                found.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return found;
    }

    private record FakeRequest(String method, String path, Map<String, String> params, Map<String, List<String>> query, byte[] body)
            implements Request {
        @Override
        public String pathParam(String name) {
            return params.get(name);
        }

        @Override
        public List<String> queryParams(String name) {
            return query.getOrDefault(name, List.of());
        }

        @Override
        public String header(String name) {
            return null;
        }
    }
}
