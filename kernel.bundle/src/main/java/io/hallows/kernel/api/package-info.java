/**
 * The Hallows kernel API: capabilities, protected services, partitions and the audit log.
 *
 * <h2>Capabilities</h2>
 * A {@link io.hallows.kernel.api.Capability} names a kernel object and a set of rights. Only the
 * kernel mints them; holders derive narrower ones and revoke whole subtrees. A service registered
 * with the property {@value io.hallows.kernel.api.KernelConstants#PROTECTED} is hidden from bundles
 * without a capability for it and handed to holders as a revocable proxy.
 *
 * <h2>Partitions</h2>
 * Named resource domains declared in ConfigAdmin; see {@link io.hallows.kernel.api.Partitions}.
 * Partition code runs work through its partition's {@link io.hallows.kernel.api.PartitionExecutor};
 * operators switch the scheduler behind it through {@link io.hallows.kernel.api.Schedulers}.
 *
 * <h2>Versions</h2>
 * 0.4.0 added {@link io.hallows.kernel.api.Right#PROVIDE} and the {@code scheduler:<policy>}
 * resource (who may provide a scheduling policy), and the watchdog's overrun figures in
 * {@link io.hallows.kernel.api.SchedulerStats}. 0.5.0 added the handover time and the time of each
 * step of a switch to {@link io.hallows.kernel.api.SwapRecord}.
 */
// NOIMPORT: the kernel always uses its own copy of its API; no other bundle can substitute one.
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.5.0")
package io.hallows.kernel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
