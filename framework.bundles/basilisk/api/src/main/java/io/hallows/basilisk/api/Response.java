package io.hallows.basilisk.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a route answers: a status, a content type and a body; extra headers may be empty.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header
 * @param body the body's bytes
 * @param headers more headers to send (never {@code Content-Length}: the server sets it)
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String PROBLEM = "application/problem+json";

    public Response {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A {@code 200} JSON body. */
    public static Response json(byte[] body) {
        return new Response(200, JSON, body, Map.of());
    }

    /** A {@code 200} plain text body (UTF-8). */
    public static Response text(String body) {
        return new Response(200, TEXT, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A {@code 200} HTML page (UTF-8). */
    public static Response html(String body) {
        return new Response(200, HTML, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A {@code 204} without body (an operation without result). */
    public static Response noContent() {
        return new Response(204, TEXT, new byte[0], Map.of());
    }

    /**
     * An RFC 9457 problem document: {@code type} {@code about:blank}, {@code title}, {@code status},
     * {@code detail}, plus {@code members} (already JSON-encoded values by member name, e.g. the
     * fields of a raised Parseltongue error).
     */
    public static Response problem(int status, String title, String detail, Map<String, byte[]> members) {
        JsonOut out = JsonOut.create().beginObject()
                .name("type").value("about:blank")
                .name("title").value(title)
                .name("status").value(status);
        if (detail != null) {
            out.name("detail").value(detail);
        }
        members.forEach((name, json) -> out.name(name).raw(json));
        return new Response(status, PROBLEM, out.endObject().toBytes(), Map.of());
    }
}
