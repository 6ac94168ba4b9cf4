/**
 * The deployer's side of the Parseltongue runtime: what the compiler bundle ({@code io.hallows.dsl})
 * needs from the runtime bundle ({@code io.hallows.dsl.runtime}) to install modules it can start.
 *
 * <p>The runtime owns what must outlive an update of the compiler: the state store and the
 * revisions of the generated bundles it started. The deployer installs and updates bundles, then
 * {@linkplain io.hallows.dsl.runtime.spi.ModuleRuntime#adopt adopts} each implementation bundle it
 * installed, so that the runtime starts it; a bundle nobody adopted gets no module context. When
 * the deployer is updated, a new one attaches to the same runtime: nothing deployed is refreshed.
 *
 * <p>{@link io.hallows.dsl.runtime.spi.GeneratedBundle} fixes what ties a generated bundle to its
 * module (locations, manifest headers, service properties), written by the packager and read by
 * the runtime.
 */
@Export
@Version("0.2.0")
package io.hallows.dsl.runtime.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
