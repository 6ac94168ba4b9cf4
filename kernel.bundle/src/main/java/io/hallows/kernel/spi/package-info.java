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
 */
// NOIMPORT: as for the API, the kernel uses its own copy; schedulers import this one.
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.hallows.kernel.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
