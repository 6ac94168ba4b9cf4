package io.hallows.basilisk.server;

import io.hallows.basilisk.api.BadRequest;
import io.hallows.basilisk.api.Request;
import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.Route;
import io.hallows.basilisk.api.RouteKind;
import io.hallows.basilisk.api.WebModule;
import java.util.List;
import java.util.Set;

/** A hand-written route, as generated code would make one. */
record TestRoute(String method, String path, RouteKind kind, Set<String> tables, Body body) implements Route {
    /** What the route does. */
    @FunctionalInterface
    interface Body {
        Response run(Request r) throws Exception;
    }

    static TestRoute get(String path, Body body) {
        return new TestRoute("GET", path, RouteKind.PLAIN, Set.of(), body);
    }

    static TestRoute of(String method, String path, Body body) {
        return new TestRoute(method, path, RouteKind.PLAIN, Set.of(), body);
    }

    static TestRoute sse(String path, Set<String> tables, Body body) {
        return new TestRoute("GET", path, RouteKind.SSE, tables, body);
    }

    @Override
    public String operation() {
        return "Test." + method.toLowerCase() + path.replace('/', '_');
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Response handle(Request request) throws BadRequest {
        try {
            return body.run(request);
        } catch (BadRequest | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A module revision with these routes. */
    record Module(String module, String revision, List<Route> routes) implements WebModule {
        static Module of(String module, String revision, Route... routes) {
            return new Module(module, revision, List.of(routes));
        }
    }
}
