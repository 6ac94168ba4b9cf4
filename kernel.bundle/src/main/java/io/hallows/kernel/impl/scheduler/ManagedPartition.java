package io.hallows.kernel.impl.scheduler;

import org.osgi.framework.Filter;
import org.osgi.framework.ServiceRegistration;

/** A declared partition as the kernel manages it: its scheduling, the policy it asks for, and its executor service. */
final class ManagedPartition {
    final ScheduledPartition scheduling;
    private final ServiceRegistration<?> registration;
    /** Which policies it wants: its configuration's filter, or the one an operator or an abort chose since. */
    private volatile Filter desired;

    ManagedPartition(ScheduledPartition scheduling, Filter desired, ServiceRegistration<?> registration) {
        this.scheduling = scheduling;
        this.desired = desired;
        this.registration = registration;
    }

    String name() {
        return scheduling.name();
    }

    Filter desired() {
        return desired;
    }

    void desire(Filter policies) {
        desired = policies;
    }

    /** Withdraws its executor service and ends its scheduling. */
    void close() {
        registration.unregister();
        scheduling.close();
    }
}
