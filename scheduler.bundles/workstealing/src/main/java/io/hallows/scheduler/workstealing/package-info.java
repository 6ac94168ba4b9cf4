/**
 * The {@code workstealing} scheduler: a policy for backend APIs, where a request often fans out
 * into child tasks and load arrives unevenly. Private to this bundle, which exports nothing.
 *
 * <h2>Why</h2>
 * A shared queue (the kernel's FIFO) makes every worker contend on one lock and scatters a
 * request's children over all cores. Per-worker deques keep children on the worker that made
 * them, where the request's data is warm in its cache, with no shared hot spot; stealing gives
 * back the balance that a shared queue had for free: an idle worker takes work from a busy one.
 *
 * <h2>How</h2>
 * <pre>
 *   submit from worker i ───────────▶ deque i  (its own)
 *   submit from elsewhere ─ round-robin ▶ deque 0 … n-1
 *
 *              oldest                      newest
 *   deque i:  [ t1 | t2 | t3 | … | tk ]  ◀── submits append here
 *                ▲                    │
 *     worker i takes here       idle worker j steals here
 * </pre>
 * <ul>
 * <li><b>The owner runs its deque oldest first (FIFO).</b> Fork/join pools run the newest task
 * (LIFO) for locality, but a worker whose tasks keep spawning would then never get back to its
 * oldest one: with one worker, nobody would ever run it, and the kernel's watchdog aborts a
 * policy that leaves a task runnable past the partition's bound. FIFO bounds every task's wait
 * by the work queued before it, which is what request latency needs.</li>
 * <li><b>A thief takes from the other end</b> (the newest task), so owner and thief work on
 * opposite ends of a deque and seldom meet on the same node. It takes one task at a time and
 * tries victims from a random one onwards.</li>
 * <li><b>Idle workers park.</b> A worker with nothing to run or steal marks itself parked, looks
 * once more, then parks. A submit wakes the task's owner if it is parked, else one parked worker
 * that can steal it. Marking before the last look means a submit either sees the worker parked
 * or the worker sees the task: no wake-up is lost. A bounded park is only a safety net.</li>
 * <li><b>Hand-back.</b> Each worker takes a task while holding its own (uncontended) lock;
 * {@code handBack} marks the instance closed and takes each lock once, so every task is either
 * already taken, and runs, or still in a deque, and is returned: never both.</li>
 * </ul>
 *
 * <h2>Options and metrics</h2>
 * {@code scheduler.steal=false} turns stealing off: tasks stay where they were placed (locality
 * first, no balance: a slow task holds up its whole deque, up to the watchdog's bound). Metrics: {@code steals}, {@code submitted.local} (from a worker, kept on its
 * deque), {@code submitted.external} (placed round-robin), {@code dropped} (tasks whose
 * {@code run} returned false because the kernel had taken them back), {@code executed.<i>} per
 * worker, which shows how evenly load was spread.
 */
package io.hallows.scheduler.workstealing;
