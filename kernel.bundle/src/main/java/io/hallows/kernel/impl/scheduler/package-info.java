/**
 * Partition scheduling inside the kernel: every task a partition submits stays in the kernel's
 * custody until it has run, whichever scheduling policy (a {@code SchedulerFactory} service, or the
 * built-in FIFO) runs it, so a swap, a faulty policy or a bundle update loses no task and runs none
 * twice. The swap protocol's design: {@code docs/kernel.md#scheduler-swap-protocol}.
 *
 * <h2>Who uses whom</h2>
 * References point down only; the one upward edge, from a lane and its tasks to their partition,
 * goes through the {@link io.hallows.kernel.impl.scheduler.LaneHost} interface.
 * <pre>
 *  SchedulerManager (Schedulers service, wiring)
 *    ├─ PartitionFollower   partitions declared / changed / removed; executor services
 *    ├─ PolicyFollower      policies installed / leaving
 *    ├─ OperatorSwaps       hallows:swap, hallows:rollback
 *    └─ SchedulingAudit     audit lines
 *          │ all act through
 *          ▼
 *  PartitionScheduling (composition root; also what the benchmarks build) ── ScheduledPartition (handle)
 *    ├─ SwapProtocol ──────────┐   switches lanes
 *    ├─ Watchdog ──────────────┤   notices stalled schedulers and loops, overrunning tasks; reports (and interrupts)
 *    │    └─ Overruns               what becomes of overruns: fault, write-off and replacement, caller released
 *    ├─ RunningTasks ──────────┤   hallows:tasks, hallows:kill, giving up overruns when bundles stop (on the watchdog's thread)
 *    └─ Policies (SchedulerCatalog, deciding with PolicyProviders | NamedPolicies)
 *                              ▼
 *  PartitionRuntime (the PartitionExecutor; submission and completion path)
 *    ├─ Switchboard    swap state: EMPTY → SERVING ⇄ SWITCHING, → CLOSED; active lane, target
 *    ├─ TaskRegistry   every task until it starts; intrusive list, trimmed in bulk
 *    ├─ KeyChains      per-key order
 *    ├─ ThreadRoster   workers and owned loop threads; pinning through a Pinner
 *    ├─ PartitionFigures (adds up each worker's WorkerFigures), TaskFailures
 *    └─ Lane (one scheduler instance, its LaneThreads) ──▶ LaneHost ◀── implemented by PartitionRuntime
 * </pre>
 *
 * <h2>The task path</h2>
 * What a task costs the kernel is kept off shared state: a submitter reads the clock once, takes a
 * sequence number and appends the task to the registry with one atomic exchange; the lane's gate
 * is a volatile write and read (no counter); each worker counts its own tasks and samples one
 * latency in {@value io.hallows.kernel.impl.scheduler.WorkerFigures#SAMPLE_EVERY}. Figures and
 * profiles: {@code docs/performance.md}.
 *
 * <h2>Threads</h2>
 * Each lane's workers, and each framework loop thread a partition owns
 * ({@link io.hallows.kernel.api.PartitionExecutor#ownThread}), are pinned to the partition's cpus
 * as they start and again when the cpus change or a HAL arrives late. One watchdog thread looks at
 * every partition every 20 ms; one control thread reverts aborted schedulers to FIFO and reports
 * faults, off the worker or watchdog that found them.
 *
 * <h2>Who may provide a policy</h2>
 * {@link io.hallows.kernel.impl.scheduler.SchedulerCatalog} uses a factory service only if
 * {@link io.hallows.kernel.impl.scheduler.PolicyProviders} accepts its bundle: one of the stack's own,
 * or a holder of {@code scheduler:<name>} with {@code PROVIDE}; the first accepted bundle claims the
 * name by bundle id (newer revisions come from it alone), and {@code fifo} is the kernel's. Refused
 * factories are audited ({@code scheduler.refused}) and ignored; the catalog decides again when a
 * {@code scheduler:} capability changes or a bundle is uninstalled.
 *
 * <h2>Tasks that overrun</h2>
 * A task running for longer than the partition's watchdog bound, on any policy, is reported once by
 * the {@link io.hallows.kernel.impl.scheduler.Watchdog} (stack, and the submitting bundle, which each
 * holder's {@link io.hallows.kernel.impl.scheduler.HolderExecutor} stamps on its tasks) and its
 * worker interrupted; {@link io.hallows.kernel.impl.scheduler.Overruns} audits it and reports it as
 * the partition's fault. A task still running after that is given up: a bound after the interrupt
 * (the watchdog), when the supervisor stops the partition's bundles (a second after, by
 * {@link io.hallows.kernel.impl.scheduler.RunningTasks}), or on an operator's kill. Its worker is
 * written off and its {@link io.hallows.kernel.impl.scheduler.Lane} starts a replacement with the
 * same index and loop; the written-off thread sees {@code active()} false and leaves its loop if its
 * task ever returns; whoever waits on the task's future is released with a
 * {@link io.hallows.kernel.api.TaskAbandonedException} ({@link io.hallows.kernel.impl.scheduler.CallTask}).
 * Write-offs happen on the watchdog's thread only, which owns the workers' interrupt bookkeeping, so
 * a worker is written off once. A task still runs at most once: only its own worker is ever in it.
 *
 * <h2>Repeated task failures</h2>
 * More than {@value io.hallows.kernel.impl.scheduler.TaskFailures#DEFAULT_THRESHOLD} failed tasks
 * (a body that threw) of one partition within 10 seconds are reported to the supervisor as the
 * fault "repeated task failures" ({@code Partitions.reportFault}), which restarts or quarantines
 * the partition by its restart policy. The count then starts again: a partition failing without
 * pause is reported once per 101 failures, not once per failure. Fixed defaults, not per partition.
 */
package io.hallows.kernel.impl.scheduler;
