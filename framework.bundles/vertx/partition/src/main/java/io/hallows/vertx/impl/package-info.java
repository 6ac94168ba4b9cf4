/**
 * How a Vert.x instance is put on a partition: {@code VertxOnPartition} assembles it with Vert.x's
 * {@code VertxBuilder}, {@code PartitionThreadFactory} hands each event loop's body to the kernel
 * ({@code PartitionExecutor.ownThread}), and {@code PartitionExecutorService} stands in for the
 * worker pools by submitting to the partition's executor. Private to this bundle.
 */
package io.hallows.vertx.impl;
