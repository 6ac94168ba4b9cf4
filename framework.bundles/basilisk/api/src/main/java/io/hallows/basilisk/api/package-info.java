/**
 * Basilisk's API: what a Parseltongue module's generated bundle and the Basilisk HTTP server share.
 *
 * <p>A module revision that declares routes registers one {@link io.hallows.basilisk.api.WebModule}
 * service (whiteboard): the server routes requests to its {@link io.hallows.basilisk.api.Route}s
 * until a newer revision of the same module replaces it. Binding of path, query and body values to
 * typed parameters is done by the generated code with {@link io.hallows.basilisk.api.Json}; input
 * that does not fit is a {@link io.hallows.basilisk.api.BadRequest}, which the server answers with
 * a {@code 400} RFC 9457 problem document naming the field. The server publishes what it serves,
 * with per-route metrics, as a {@link io.hallows.basilisk.api.WebStatus} service.
 */
@Export
@Version("0.2.0")
package io.hallows.basilisk.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
