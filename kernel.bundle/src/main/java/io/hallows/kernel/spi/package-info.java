/**
 * The scheduler SPI: what a scheduler bundle implements. Modelled on Linux sched_ext: a small
 * contract, with the kernel keeping every task it was given, so no scheduler can lose one.
 *
 * <h2>Roles</h2>
 * <ul>
 * <li>A scheduler bundle registers a {@link io.hallows.kernel.spi.SchedulerFactory} service with the
 * property {@value io.hallows.kernel.spi.SchedulerFactory#NAME}{@code =<policy>}.</li>
 * <li>For each partition that selects it, the kernel calls
 * {@link io.hallows.kernel.spi.SchedulerFactory#create create} with a
 * {@link io.hallows.kernel.spi.SchedulerContext}, through which the instance starts its worker
 * threads: the kernel's threads, named after the partition and pinned to its cpus once the HAL
 * is present.</li>
 * <li>The kernel hands the instance {@link io.hallows.kernel.spi.Task}s; the instance decides when and
 * on which worker each runs, by calling {@link io.hallows.kernel.spi.Task#run()} there.</li>
 * </ul>
 *
 * <h2>What the kernel guarantees a scheduler</h2>
 * <ul>
 * <li>At most one task per ordering key is handed to schedulers at a time: the kernel releases
 * the next task of a key once the previous one has completed, so per-key order never depends
 * on a policy.</li>
 * <li>{@code submit} is never called after {@code handBack} has been called.</li>
 * </ul>
 *
 * <h2>What the kernel checks</h2>
 * The watchdog aborts an instance whose own code throws (from {@code submit}, {@code handBack} or a
 * worker loop) or that leaves a task runnable for longer than the partition's bound; the
 * partition then reverts to the built-in FIFO scheduler and the exit reason is recorded. Tasks
 * the aborted instance held are taken back from the kernel's registry, never from the instance.
 * A task that runs past the bound is the task's fault: the kernel interrupts its worker and, if
 * that does not free it, writes the worker off and starts a replacement running the same loop.
 *
 * <h2>Who may provide a policy</h2>
 * The stack's own bundles, and bundles holding the capability {@code scheduler:<name>} with the right
 * {@code PROVIDE}; one installed bundle per policy name, and none for {@code fifo}. Other factories
 * are refused, audited and never used.
 */
// NOIMPORT: as for the API, the kernel uses its own copy; schedulers import this one.
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.hallows.kernel.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
