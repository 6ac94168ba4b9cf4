package io.hallows.basilisk.server;

import io.hallows.basilisk.api.BadRequest;
import io.hallows.basilisk.api.JsonOut;
import io.hallows.basilisk.api.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The problem documents (RFC 9457) the server itself answers with. */
final class Problems {
    private Problems() {
    }

    static Response notFound(String path) {
        return Response.problem(404, "Not Found", "no route for " + path, Map.of());
    }

    static Response methodNotAllowed(String method, String path) {
        return Response.problem(405, "Method Not Allowed", "no " + method + " route for " + path, Map.of());
    }

    static Response badRequest(BadRequest e) {
        return Response.problem(400, "Bad Request", e.detail(), Map.of("field", json(e.field())));
    }

    static Response badRequest(String detail) {
        return Response.problem(400, "Bad Request", detail, Map.of());
    }

    static Response tooLarge(int limit) {
        return Response.problem(413, "Content Too Large", "the request body is larger than " + limit + " bytes", Map.of());
    }

    static Response timedOut(long ms) {
        return Response.problem(503, "Service Unavailable", "the request did not finish within " + ms + " ms", Map.of());
    }

    static Response unavailable(String detail) {
        return Response.problem(503, "Service Unavailable", detail, Map.of());
    }

    /** Says nothing of the cause: stack traces and messages stay in the log. */
    static Response internalError() {
        return Response.problem(500, "Internal Server Error", null, Map.of());
    }

    static Response status(int status) {
        return switch (status) {
            case 400 -> badRequest("the request could not be read");
            case 413 -> Response.problem(413, "Content Too Large", null, Map.of());
            case 503 -> unavailable(null);
            default -> status >= 500 ? internalError() : Response.problem(status, "Error " + status, null, Map.of());
        };
    }

    private static byte[] json(String s) {
        return JsonOut.create().value(s).toBytes();
    }

    static String text(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
