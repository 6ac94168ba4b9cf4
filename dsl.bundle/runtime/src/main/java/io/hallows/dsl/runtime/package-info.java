/**
 * What code generated from Parseltongue runs on: the state store that keeps a module's state
 * across updates, the variable kinds, and the module context through which a generated bundle
 * reaches imported services and partitions.
 *
 * <p>Generated bundles import this package; nothing else should. State lives in the
 * {@link io.hallows.dsl.runtime.StateStore} of the Parseltongue runtime bundle
 * ({@code io.hallows.dsl.runtime}, not the compiler's), keyed by module and name, so it outlives
 * every revision of a module's bundles and every update of the compiler: an updated module rebinds
 * to its cells.
 * Only values of JDK types ({@code Long}, {@code String}, {@code java.util.List} …) and of types
 * from the module's API bundle are stored; the cell records a type signature, and a cell whose
 * signature changed is reset to its new initial value (with a warning) rather than handing old
 * classes to new code.
 */
@Export
@Version("0.2.0")
package io.hallows.dsl.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
