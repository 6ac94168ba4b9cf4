/**
 * Module contexts and state outside the deployer: what a generated module's services need to run
 * on a plain class path (the compiler's tests, the benchmarks, tools), and the base every module
 * context shares with the one the runtime opens inside a framework.
 *
 * <p>{@link io.hallows.dsl.runtime.local.MemoryStateStore} is the runtime's one state store, in
 * memory: the runtime bundle keeps one for every deployed module, and a
 * {@link io.hallows.dsl.runtime.local.LocalModuleContext} makes its own when it is given none.
 */
@Export
@Version("0.2.0")
package io.hallows.dsl.runtime.local;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
