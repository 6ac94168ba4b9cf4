package io.hallows.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.osgi.service.log.Logger;

/**
 * Serves one request on the event loop: checks the bearer token, finds the endpoint, reads the
 * body (at most {@value #MAX_BODY} bytes), then runs the endpoint as blocking work (in a stack, a
 * task of the admin partition: see {@code io.hallows.vertx.api.PartitionVertx}) and answers
 * with its JSON or with {@code {"error": "..."}}. The token is checked before anything else, so a
 * client without it learns nothing, not even which paths exist.
 */
final class AdminHandler implements Handler<HttpServerRequest> {
    static final int MAX_BODY = 64 * 1024;
    private static final String BEARER = "Bearer ";

    private final Vertx vertx;
    private final TokenFile token;
    private final Routes routes;
    private final Logger log;

    AdminHandler(Vertx vertx, TokenFile token, AdminApi api, Logger log) {
        this.vertx = vertx;
        this.log = log;
        this.token = token;
        this.routes = new Routes(api);
    }

    @Override
    public void handle(HttpServerRequest request) {
        String presented = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (presented == null || !token.matches(presented)) {
            request.response().putHeader("WWW-Authenticate",
                    "Bearer realm=\"hallows\"" + (presented == null ? "" : ", error=\"invalid_token\""));
            fail(request, new ApiException(401, presented == null
                    ? "missing bearer token: send the header 'Authorization: Bearer <token>' with the token in " + token.path()
                    : "wrong bearer token: use the token in " + token.path()));
            return;
        }
        Routes.Call call;
        try {
            call = routes.find(request.method(), request.path());
        } catch (ApiException e) {
            fail(request, e);
            return;
        }
        body(request)
                .compose(body -> vertx.executeBlocking(() -> call.run(body), false))
                .onSuccess(json -> send(request, 200, json))
                .onFailure(e -> fail(request, e));
    }

    /** The token of an {@code Authorization: Bearer} header, or null if there is none. */
    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String value = header.substring(BEARER.length()).trim();
        return value.isEmpty() ? null : value;
    }

    /** The whole body, or a 413 as soon as it is known to be too large (the rest is discarded). */
    private static Future<Buffer> body(HttpServerRequest request) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        ApiException tooLarge = new ApiException(413, "the request body is larger than " + MAX_BODY / 1024 + " KiB");
        if (declaredTooLarge(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            done.fail(tooLarge);
        }
        request.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY) {
                done.fail(tooLarge);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> done.tryComplete(body));
        request.exceptionHandler(done::tryFail);
        return done.future();
    }

    private static boolean declaredTooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > MAX_BODY;
        } catch (NumberFormatException e) {
            return false; // Netty rejects a malformed length; in any case the read below is bounded
        }
    }

    private void fail(HttpServerRequest request, Throwable failure) {
        ApiException error = ApiException.of(failure);
        if (error.status() == 500) {
            log.error("admin API: {} {} failed", request.method(), request.path(), failure);
        } else if (error.status() == 405) {
            request.response().putHeader(HttpHeaders.ALLOW, routes.allowed(request.path()));
        }
        send(request, error.status(), new JsonObject().put("error", error.getMessage()));
    }

    private static void send(HttpServerRequest request, int status, JsonObject json) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(json.encode() + "\n");
    }
}
