package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;

/**
 * The {@link Partitions} service as one holder bundle sees it: each operation needs that holder's
 * capability on the partition itself — {@code partition:<name>} with READ to see it or wait for it,
 * WRITE to report a fault, ADMIN to restart, stop, quarantine or release it.
 */
final class HolderPartitions implements Partitions {
    private final Partitions all;
    private final PartitionRights rights;

    HolderPartitions(Partitions all, CapabilityTable table, AuditJournal audit, Bundle holder) {
        this.all = all;
        this.rights = new PartitionRights(table, audit, holder);
    }

    private boolean may(String partition, Right right) {
        return rights.may(partition, right);
    }

    private void require(String partition, Right right, String operation) {
        rights.require(partition, all.status(partition).isPresent(), right, operation);
    }

    @Override
    public List<PartitionStatus> list() {
        return all.list().stream().filter(p -> may(p.name(), Right.READ)).toList();
    }

    @Override
    public Optional<PartitionStatus> status(String name) {
        Optional<PartitionStatus> status = all.status(name);
        if (status.isPresent()) {
            require(name, Right.READ, "read");
        }
        return status;
    }

    @Override
    public void reportFault(String name, String reason) {
        require(name, Right.WRITE, "report a fault in");
        all.reportFault(name, reason);
    }

    @Override
    public void restart(String name) {
        require(name, Right.ADMIN, "restart");
        all.restart(name);
    }

    @Override
    public void quarantine(String name) {
        require(name, Right.ADMIN, "quarantine");
        all.quarantine(name);
    }

    @Override
    public void stop(String name) {
        require(name, Right.ADMIN, "stop");
        all.stop(name);
    }

    @Override
    public void release(String name) {
        require(name, Right.ADMIN, "release");
        all.release(name);
    }

    @Override
    public boolean await(String name, PartitionState state, Duration timeout) throws InterruptedException {
        require(name, Right.READ, "wait for");
        return all.await(name, state, timeout);
    }
}
