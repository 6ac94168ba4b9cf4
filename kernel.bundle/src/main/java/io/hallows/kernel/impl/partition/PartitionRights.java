package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.capability.Holders;
import org.osgi.framework.Bundle;

/** One holder's rights on partitions ({@code partition:<name>}), checked and, when refused, audited. */
public final class PartitionRights {
    private final CapabilityTable table;
    private final AuditJournal audit;
    private final Bundle holder;

    public PartitionRights(CapabilityTable table, AuditJournal audit, Bundle holder) {
        this.table = table;
        this.audit = audit;
        this.holder = holder;
    }

    public boolean may(String partition, Right right) {
        return table.find(holder.getBundleId(), new Resource(Resource.PARTITION, partition), right).isPresent();
    }

    /**
     * @param exists whether the partition exists; an unknown one is reported without listing the others,
     *     which this holder may not be allowed to see
     * @throws IllegalArgumentException if it does not exist
     * @throws SecurityException if the holder lacks {@code right}
     */
    public void require(String partition, boolean exists, Right right, String operation) {
        if (!exists) {
            throw new IllegalArgumentException("no partition '" + partition + "'");
        }
        if (!may(partition, right)) {
            audit.record("kernel", "deny", Holders.describe(holder), operation + " partition:" + partition + ": no " + right);
            throw new SecurityException(holder.getSymbolicName() + " may not " + operation + " partition '" + partition
                    + "': it needs partition:" + partition + " with " + right);
        }
    }

    /** The holder as the audit log names an actor: name, bundle id and location ({@link Holders}). */
    public String holderName() {
        return Holders.describe(holder);
    }
}
