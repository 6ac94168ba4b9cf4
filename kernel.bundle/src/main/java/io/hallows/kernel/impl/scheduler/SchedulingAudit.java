package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.audit.AuditJournal;

/** The audit log's lines about scheduling, worded in one place. */
final class SchedulingAudit {
    private final AuditJournal audit;

    SchedulingAudit(AuditJournal audit) {
        this.audit = audit;
    }

    void started(String partition, SchedulerChoice choice, int workers) {
        audit.record("kernel", "scheduler.start", partition, choice.label() + " with " + workers + " workers");
    }

    void stopped(String partition) {
        audit.record("kernel", "scheduler.stop", partition, "partition removed; its executor takes no more tasks");
    }

    void error(String partition, String message) {
        audit.record("kernel", "scheduler.error", partition, message);
    }

    /** A switch made, by an operator, an update, or an abort; nothing if {@code r} is null (no switch). */
    void switched(String partition, SwapRecord r) {
        if (r != null) {
            boolean chosen = r.reason() == ExitReason.OPERATOR || r.reason() == ExitReason.UPDATE;
            audit.record("kernel", chosen ? "scheduler.swap" : "scheduler.abort", partition, r.from() + " -> " + r.to() + " ("
                    + r.reason() + "): " + r.detail() + "; pause " + r.pauseNanos() / 1000 + "us, " + r.handedBack()
                    + " tasks handed over");
        }
    }

    void cpus(String partition, String detail) {
        audit.record("kernel", "partition.cpus", partition, detail);
    }

    void stalled(String partition, Stall stall) {
        audit.record("kernel", "partition.stall", partition, stall.summary());
    }

    void overran(String partition, Overrun overrun) {
        audit.record("kernel", "task.overrun", partition, overrun.summary());
    }

    void writtenOff(String partition, String detail) {
        audit.record("kernel", "task.worker-replaced", partition, detail);
    }

    void killed(String partition, String detail) {
        audit.record("kernel", "task.kill", partition, detail);
    }
}
