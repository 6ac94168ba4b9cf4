/**
 * The {@code batch} scheduling policy, for partitions that serve a database.
 *
 * <h2>Why</h2>
 * A database pays a fixed cost per write to stable storage (an fsync, a network round trip to a
 * replica) whatever the size of the write. Group commit amortises it: commits that arrive close
 * together are written as one. For that, the work for one log (one file, one connection) must
 * arrive at one place, together, and in order. Tasks name their log with
 * {@link io.hallows.kernel.spi.Task#batchKey()}; this policy gathers them.
 *
 * <h2>How</h2>
 * <pre>
 *   submit ──► filling[key] ──(batchSize tasks, or batchDelayMicros since its first)──► flushed
 *   flushed ──► ready (FIFO) ──► a worker runs the whole batch back to back, in submission order
 *                  ▲
 *   behind[key] ───┘  a key's next batch waits here while its previous one is ready or running
 * </pre>
 * <ul>
 * <li><b>Filling.</b> Each batch key has at most one batch filling. It is flushed when it holds
 * {@code batchSize} tasks or when {@code batchDelayMicros} have passed since its first task,
 * whichever comes first. The delay is checked on every submit and by idle workers, which sleep
 * until the oldest filling batch is due: no timer thread is needed.</li>
 * <li><b>One batch per key at a time.</b> A flushed batch is ready unless an earlier batch of the
 * same key is ready or running; then it waits behind it. So a key's tasks run one after another
 * in submission order even with many workers, as writes to one log must, while different keys run
 * in parallel. Meanwhile the key's next batch keeps filling: the longer a commit takes, the more
 * it gathers, which is what makes group commit pay.</li>
 * <li><b>Alone.</b> A task without a batch key is a unit of its own, ready at once, FIFO with the
 * batches.</li>
 * <li><b>Taking back.</b> Each unit has an atomic cursor that its worker advances task by task;
 * {@code handBack} moves every cursor to the end, so a task is either started by its worker or
 * handed back, never both.</li>
 * </ul>
 * All state sits behind one lock; task bodies run outside it, so tasks may submit more tasks from
 * their own worker.
 *
 * <h2>Options</h2>
 * {@code scheduler.batchSize}: most tasks in a batch, from 1 (default 64).
 * {@code scheduler.batchDelayMicros}: longest a batch keeps filling, from 1 µs to one minute
 * (default 2000).
 *
 * <h2>Metrics</h2>
 * {@code batches} flushed and the {@code batchedTasks} they held; {@code meanBatchSize},
 * {@code maxBatchSize}; {@code flushedBySize}, {@code flushedByTime}; the two options. Tasks
 * without a batch key are not counted.
 */
package io.hallows.scheduler.batch;
