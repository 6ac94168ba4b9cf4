/**
 * Benchmarks of the kernel side by side with peers: JMH benchmarks of dispatch, keyed, frame,
 * batch and work-stealing scheduling against JDK pools, the swap-pause and isolation harnesses, and
 * HAL calls through JNR. They build partitions through the kernel's own composition root
 * ({@code PartitionScheduling}), as the product does. Figures and how to run them:
 * {@code docs/performance.md}.
 */
package io.hallows.bench;
