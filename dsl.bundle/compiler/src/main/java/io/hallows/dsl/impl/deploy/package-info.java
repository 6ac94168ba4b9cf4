/**
 * The deployer: Parseltongue modules compiled, packaged as bundles and installed or updated in
 * the running framework. Private to the Parseltongue bundle.
 *
 * <h2>One deployment</h2>
 * <pre>
 *  source ──ModuleCompiler──▶ CompiledModule ──BundlePackager (bndlib)──▶ API bundle + impl bundle
 *     │ errors: REJECTED, nothing touched          │
 *     │                                             ▼
 *     │                           ModuleBundles.apply: stop impl, install/update, refresh, start
 *     │                                             │ start fails: previous bytes back, state back,
 *     ▼                                             ▼ previous revision started (ROLLED_BACK)
 *  importers of a changed API recompiled first; one of them failing refuses the whole deployment
 * </pre>
 * {@link io.hallows.dsl.impl.deploy.Deployer} serializes deployments with one lock and keeps, per
 * module, the last source, compiled module and bundle bytes (the bytes are what a rollback puts
 * back). Sources are also kept in the stack's data area ({@code parseltongue/modules/<module>/<file>}),
 * so a restarted deployer or stack redeploys what was running. State is in memory, in the runtime bundle
 * ({@link io.hallows.dsl.runtime.spi.ModuleRuntime#states()}): it survives an update or restart of
 * this bundle, not a restart of the stack.
 *
 * <h2>Two bundles per module</h2>
 * {@code pt.<module>.api} (version {@code <moduleVersion>.<apiHash>}, exports {@code pt.<module>.api}
 * at that version) and {@code pt.<module>} (version {@code <moduleVersion>.<sourceHash>}, exports
 * nothing, imports exactly its API's version and the runtime package). Bundles are found by location
 * ({@code parseltongue:<module>} and {@code parseltongue:<module>/api}, see
 * {@link io.hallows.dsl.runtime.spi.GeneratedBundle}). A bundle is updated when
 * its bytes differ from the last deployed ones (its version when they are not known, after a restart).
 *
 * <h2>What is refreshed</h2>
 * Only updated bundles are refreshed, and the framework adds what is wired to them. The
 * implementation bundle exports nothing, so when the API is unchanged the refresh is that one bundle:
 * the API bundle, other modules and their callers are not touched. When the API changes, the API
 * bundle, the implementation and every importer of the API (other modules, recompiled; hand-written
 * bundles, restarted by the framework) are refreshed, and the report lists them. Other modules
 * import an API at exactly its version, so code compiled against an old API never wires to a new one.
 *
 * <h2>Starting a revision</h2>
 * Implementation bundles are started and stopped transiently: after a framework restart they stay
 * stopped until the deployer is running and starts them. The deployer hands every implementation
 * bundle it installs to the runtime ({@link io.hallows.dsl.runtime.spi.ModuleRuntime#adopt}); their
 * {@code Bundle-Activator} is {@link io.hallows.dsl.runtime.ModuleActivator}, from the runtime
 * package they import, and the runtime opens their module context only for a bundle it adopted.
 *
 * <h2>Updating the deployer</h2>
 * No generated bundle is wired to this bundle: they import the runtime package from the runtime
 * bundle. Updating or refreshing this bundle stops the deployer only; the modules keep serving with
 * their state, and the new deployer redeploys the kept sources, which finds every bundle unchanged
 * and touches none of them.
 *
 * <h2>Capabilities</h2>
 * A generated bundle is an ordinary bundle installed after the stack: the kernel's hooks apply to
 * it as to any vendor bundle. Its context (in the runtime) looks services and partition executors
 * up through the generated bundle's {@code BundleContext}, so it sees a protected service only when
 * {@code pt.<module>} holds {@code service:<name>} CALL, and runs work in partition {@code web} only
 * when it holds {@code service:kernel.executor.web} CALL (put {@code pt.<module>} in the partition's
 * {@code bundles}, which also makes the partition's supervisor start and stop it, or grant it).
 * A module reads and writes only its own cells of the state store. The services a module publishes
 * are not protected in this version: any bundle can look them up and call them.
 */
package io.hallows.dsl.impl.deploy;
