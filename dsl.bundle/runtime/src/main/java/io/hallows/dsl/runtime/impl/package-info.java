/**
 * The runtime inside a framework, private to the runtime bundle: the host that starts and stops
 * the revisions of generated implementation bundles, and the module context each revision gets.
 *
 * <h2>Starting a revision</h2>
 * A generated implementation bundle's {@code Bundle-Activator} is
 * {@link io.hallows.dsl.runtime.ModuleActivator}, from the runtime package it imports. It finds the
 * {@link io.hallows.dsl.runtime.impl.ModuleHost} service through the generated bundle's own
 * context; {@link io.hallows.dsl.runtime.impl.BundleModuleRuntime} answers, for a bundle the
 * deployer adopted only, with a {@link io.hallows.dsl.runtime.impl.BundleModuleContext} and the
 * module's services created and registered ({@link io.hallows.dsl.runtime.impl.RevisionServices}).
 *
 * <h2>Why here and not in the deployer</h2>
 * A started revision holds its context, its services and its state cells for as long as it runs.
 * Were they the compiler bundle's classes, updating the compiler would have to stop every module
 * (or leave it running on classes of a refreshed-away revision). Here they belong to the bundle
 * generated code is wired to anyway, so the compiler can come and go.
 *
 * <h2>Durable state</h2>
 * {@link io.hallows.dsl.runtime.impl.StateDatabase} tracks the OLTP database (optional imports:
 * a stack without it resolves the runtime) and attaches a
 * {@link io.hallows.dsl.runtime.impl.DurableState} to the runtime's store: variables are read
 * from table {@code pt_state} when their cell is created and written, as
 * {@link io.hallows.dsl.runtime.impl.StateJson} text, in one group-committed transaction when the
 * operation that assigned them ends. The runtime bundle sees the protected database because its
 * partition ({@code apps} in the default stack) grants {@code service:db.oltp CALL}.
 *
 * <h2>Capabilities</h2>
 * A module's context looks services and partition executors up through the generated bundle's
 * {@code BundleContext}, so the kernel's hooks decide what it sees exactly as for any bundle
 * installed after the stack: a protected service only when {@code pt.<module>} holds
 * {@code service:<name>} CALL, partition {@code web}'s executor only with
 * {@code service:kernel.executor.web} CALL. A module reads and writes only its own cells.
 */
package io.hallows.dsl.runtime.impl;
