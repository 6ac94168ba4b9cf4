package io.hallows.basilisk.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the Basilisk server serves now, registered by the server as an OSGi service for the shell
 * ({@code basilisk:routes}) and the admin API ({@code GET /basilisk/routes}).
 */
@ProviderType
public interface WebStatus {
    /** The address it listens on. */
    String host();

    /** The port it listens on (the one chosen when configured with 0). */
    int port();

    /** HTTP connections open now. */
    int connections();

    /** Every route served now, with its counters since its module revision was first served. */
    List<RouteStats> routes();
}
