package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.SchedulerFactory;

/**
 * Where scheduler factories come from: in the kernel, the catalog of installed policy services
 * ({@link SchedulerCatalog}); on a plain class path, factories given by name ({@link NamedPolicies}).
 */
interface Policies {
    /** The factory of {@code choice}, or null if it is gone; {@link #release} it when done. */
    SchedulerFactory acquire(SchedulerChoice choice);

    void release(SchedulerChoice choice);

    /** The built-in FIFO, which is always there. */
    SchedulerChoice fifo();

    /** The best installed policy called {@code name}, or null if none is. */
    SchedulerChoice named(String name);
}
