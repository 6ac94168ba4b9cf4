package io.hallows.kernel.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scheduling policy, registered as a service by a scheduler bundle. Register it with
 * {@value #NAME} set to the policy's name (lower case, e.g. {@code keyed}); partitions select it
 * with a filter on that property, operators by name ({@code hallows:swap web keyed}). When
 * several factories share a name, the kernel uses the one from the highest bundle version, so
 * installing or updating a newer bundle swaps the partitions that use the policy onto it.
 */
@ConsumerType
public interface SchedulerFactory {
    /** Service property naming the policy. */
    String NAME = "hallows.scheduler";

    /** Service property with a one-line description shown by {@code hallows:schedulers}. */
    String DESCRIPTION = "hallows.scheduler.description";

    /**
     * Creates an instance for one partition. The instance should start its workers here, through
     * {@link SchedulerContext#startWorker}. Called by the kernel while it switches schedulers, so
     * it must return promptly.
     *
     * @param context the partition as this instance sees it; valid until the instance is released
     * @return a new instance, accepting tasks at once
     */
    Scheduler create(SchedulerContext context);
}
