package io.hallows.basilisk.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The HTTP routes of one revision of a Parseltongue module, registered as an OSGi service by the
 * module's generated bundle (with the service property {@value #MODULE} = {@link #module()}).
 * When a newer revision of the same module registers, the server sends new requests to it; requests
 * already running finish on the revision that took them.
 */
@ConsumerType
public interface WebModule {
    /** Service property: the module's name. */
    String MODULE = "basilisk.module";

    /** The module's name, e.g. {@code shop}. */
    String module();

    /** Identifies this revision (the generated bundle's version with its source hash). */
    String revision();

    /** The routes, in declaration order. */
    List<Route> routes();
}
