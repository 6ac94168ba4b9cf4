package io.hallows.basilisk.server;

import io.hallows.basilisk.api.Request;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * A request as a route sees it, taken on the event loop before the route runs on a worker: the
 * maps are Vert.x's own (decoded by Vert.x web), not changed after the headers and body arrived,
 * and published to the worker by the task hand-over.
 */
final class CapturedRequest implements Request {
    private static final byte[] EMPTY = new byte[0];
    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final MultiMap query;
    private final MultiMap headers;
    private final byte[] body;

    CapturedRequest(RoutingContext ctx) {
        this.method = ctx.request().method().name();
        this.path = ctx.normalizedPath();
        this.pathParams = ctx.pathParams();
        this.query = ctx.queryParams();
        this.headers = ctx.request().headers();
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        this.body = b == null ? EMPTY : b.getBytes();
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    @Override
    public List<String> queryParams(String name) {
        return query.getAll(name);
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public byte[] body() {
        return body;
    }
}
