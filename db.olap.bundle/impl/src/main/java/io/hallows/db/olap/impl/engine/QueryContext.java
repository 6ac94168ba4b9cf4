package io.hallows.db.olap.impl.engine;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What one query runs with.
 *
 * @param allocator where its vectors are allocated: a child of the engine's root allocator with the
 *     engine's limit; exceeding it fails the query (SQLSTATE 53200), not the engine
 * @param workers runs the query's morsels (the {@code olap} partition's executor; in tests any)
 * @param parallelism how many morsels may run at once (the partition's cpus; 1 = single-threaded)
 * @param cancelled polled between morsels and batches: true stops the query with SQLSTATE 57014
 */
public record QueryContext(BufferAllocator allocator, Executor workers, int parallelism, BooleanSupplier cancelled) {}
