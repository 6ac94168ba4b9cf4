package io.hallows.kernel.impl;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.capability.RequestGrants;
import io.hallows.kernel.impl.data.DataHealth;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.partition.PartitionManager;
import io.hallows.kernel.impl.protect.Trust;
import io.hallows.kernel.impl.scheduler.SchedulerManager;

/**
 * The kernel's parts, as the operator shell inside the kernel bundle sees them. Registered so
 * that only the kernel bundle itself can see or obtain it.
 */
public record Kernel(AuditJournal audit, CapabilityTable capabilities, RequestGrants requests,
        PartitionManager partitions, SchedulerManager schedulers, HalBinding hal, Trust trust, DataHealth data) {
    /** Service property that marks the kernel's internal services, seen only by the kernel. */
    public static final String INTERNAL = "hallows.internal";
    /** The filter the kernel's own components use to reference this service. */
    public static final String TARGET = "(" + INTERNAL + "=true)";
}
