package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.Right;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.Schedulers;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.partition.PartitionRights;
import java.util.List;

/**
 * {@link Schedulers} as one holder sees it: figures need {@code partition:<name>} READ, swaps and
 * rollbacks ADMIN. The list of installed policies is open to any holder of the service.
 */
final class HolderSchedulers implements Schedulers {
    private final SchedulerManager all;
    private final PartitionRights rights;

    HolderSchedulers(SchedulerManager all, PartitionRights rights) {
        this.all = all;
        this.rights = rights;
    }

    @Override
    public List<SchedulerInfo> installed() {
        return all.installed().stream().map(i -> new SchedulerInfo(i.name(), i.bundle(), i.version(), i.description(),
                i.activeIn().stream().filter(p -> rights.may(p, Right.READ)).toList())).toList();
    }

    @Override
    public SchedulerStats stats(String partition) {
        rights.require(partition, all.hasPartition(partition), Right.READ, "read the scheduler statistics of");
        return all.stats(partition);
    }

    @Override
    public SwapRecord swap(String partition, String scheduler) {
        rights.require(partition, all.hasPartition(partition), Right.ADMIN, "swap the scheduler of");
        return all.swap(partition, scheduler, rights.holderName());
    }

    @Override
    public SwapRecord rollback(String partition) {
        rights.require(partition, all.hasPartition(partition), Right.ADMIN, "roll back the scheduler of");
        return all.rollback(partition, rights.holderName());
    }
}
