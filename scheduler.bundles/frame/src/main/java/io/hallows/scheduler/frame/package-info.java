/**
 * The {@code frame} scheduling policy, for partitions that serve a user interface.
 *
 * <h2>Why</h2>
 * A UI does its work in frames: what arrived since the last vsync is laid out, painted and handed
 * to the display before the next one. Running tasks as they come (FIFO) spreads a frame's work
 * over arbitrary moments and lets a late burst push urgent work behind unimportant work. This
 * policy gives a partition a frame clock, and inside a frame runs the most urgent task first.
 *
 * <h2>How</h2>
 * <pre>
 *   tick n            tick n+1          tick n+2          tick n+3
 *   |-----------------|-----------------|-----------------|
 *   [frame n: EDF ]   [frame n+1: EDF ...........]!        overrun: frame n+2 starts at once
 *      submitted here ^ wait for tick n+1        [frame n+2]
 * </pre>
 * <ul>
 * <li><b>Frames.</b> At each tick, the tasks submitted since the previous tick form the frame.
 * Tasks submitted while a frame runs wait for the next tick, so a frame's work is fixed when it
 * starts. A frame ends when its last task has completed; only then can the next one start.</li>
 * <li><b>Earliest deadline first.</b> Inside a frame the workers take tasks by {@code deadline()},
 * those without one last, ties in submission order ({@link io.hallows.kernel.spi.Task#sequence()}).
 * With several workers the frame's tasks are spread over all of them.</li>
 * <li><b>An honest clock.</b> Ticks lie on a fixed grid from the instance's creation:
 * {@code tick(n) = origin + n / frameRate seconds}, computed from {@code n} rather than by adding
 * periods, so the clock neither drifts nor slides when a frame is late. A frame that is still
 * running at the next tick has <em>overrun</em>: the next frame starts as soon as it ends, and ticks
 * that passed meanwhile are skipped rather than replayed as a burst of catch-up frames.</li>
 * <li><b>Idle.</b> Ticks with nothing to run form no frame and wake nobody: workers sleep until a
 * task arrives, which then waits for the next grid tick like any other.</li>
 * </ul>
 * All state sits behind one lock; a task's body always runs outside it, so tasks may submit more
 * tasks from their own worker.
 *
 * <h2>Options</h2>
 * {@code scheduler.frameRate}: frames per second, a whole number from 1 to 1000 (default 60).
 *
 * <h2>Metrics</h2>
 * {@code frameRate}; {@code frames} completed; {@code frameTime.p50Micros},
 * {@code frameTime.p99Micros} over the last 1024 frames and {@code frameTime.maxMicros} over all,
 * where a frame's time runs from its start to the completion of its last task;
 * {@code overruns} (frames still running at the next tick); {@code skippedTicks};
 * {@code missedDeadlines} (tasks that completed after their deadline, timed when
 * {@link io.hallows.kernel.spi.Task#run()} returns).
 */
package io.hallows.scheduler.frame;
