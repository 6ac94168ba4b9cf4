/**
 * The {@code keyed} scheduler: a policy for messaging, where messages with the same key (an
 * account, an order, a device) must be handled in the order they arrived, and messages with
 * different keys should be handled in parallel. Private to this bundle, which exports nothing.
 *
 * <h2>Why</h2>
 * The kernel already hands a scheduler at most one task per key at a time, so order holds under
 * any policy. What this one adds is <b>affinity</b>, as Kafka gives a partition to one consumer:
 * a key always runs on the same worker thread, so the state a handler keeps for a key stays in one
 * core's cache and is only ever touched by one thread, and a key's order holds by construction,
 * even for a caller that submits straight to the policy.
 *
 * <h2>How</h2>
 * <pre>
 *   key k    ─ hash(k) mod n ─▶ queue hash(k) mod n ─▶ its worker, in FIFO order
 *   no key   ─ round-robin ───▶ queue 0 … n-1
 *
 *   queue 0: [ a1 | c1 | a2 ]  ─▶ worker 0     a and c share worker 0: one after the other
 *   queue 1: [ b1 | b2 ]       ─▶ worker 1     b runs beside them, in parallel
 * </pre>
 * <ul>
 * <li>One FIFO queue per worker, consumed by that worker only; submitters append under the
 * queue's lock. A key's tasks enter one queue in submission order and leave it in that order, to
 * one thread, so they can neither overtake nor overlap each other.</li>
 * <li>There is no stealing, by design: it would break affinity. The price is that of Kafka
 * partitions: a hot key, or a slow task, holds up the other keys of its worker (head-of-line
 * blocking), while other workers may idle; held up past the partition's watchdog bound, they get
 * the policy aborted. Use {@code workstealing} where balance matters more than affinity.</li>
 * <li>Idle workers wait on their queue's condition; a submit signals it.</li>
 * <li>Hand-back closes each queue under its lock and drains it; a worker checks for closing and
 * takes under that same lock, so a task is either taken, and runs, or returned: never both.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * {@code keyed} and {@code unkeyed} (tasks submitted with and without a key), {@code dropped}
 * (tasks whose {@code run} returned false because the kernel had taken them back), and per
 * worker {@code depth.<i>} (tasks waiting) and {@code executed.<i>}: an uneven spread shows hot
 * keys. Distinct keys are not counted: keys are message keys, and remembering every one seen
 * would grow without bound.
 */
package io.hallows.scheduler.keyed;
