package io.hallows.kernel.impl;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.capability.RequestGrants;
import io.hallows.kernel.impl.partition.PartitionManager;
import java.time.Instant;

/**
 * The kernel's parts, as the operator shell inside the kernel bundle sees them. Registered as a
 * protected service that only the kernel bundle itself can see.
 *
 * @param started when the kernel bundle started
 */
public record Kernel(AuditJournal audit, CapabilityTable capabilities, RequestGrants requests,
        PartitionManager partitions, Instant started) {
    /** Service property value that protects this internal service. */
    public static final String PROTECTED_NAME = "kernel.internal";
}
