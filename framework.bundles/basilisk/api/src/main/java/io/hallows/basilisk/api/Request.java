package io.hallows.basilisk.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** One HTTP request as a route sees it. Read-only; the body is complete (within the size limit). */
@ProviderType
public interface Request {
    /** The HTTP method in capitals. */
    String method();

    /** The request path, decoded, without the query. */
    String path();

    /** The value of path parameter {@code name} (decoded), or null when the template has none. */
    String pathParam(String name);

    /** The values of query parameter {@code name} (decoded), in order; empty when absent. */
    List<String> queryParams(String name);

    /** The first value of header {@code name} (case-insensitive), or null. */
    String header(String name);

    /** The body's bytes (empty when none). */
    byte[] body();
}
