package io.hallows.kernel.impl.shell;

import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.scheduler.RefusedPolicy;
import io.hallows.kernel.impl.scheduler.SchedulerManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Operator commands on schedulers, in the Gogo scope {@code hallows}. */
@Component(service = SchedulerCommands.class, scope = ServiceScope.BUNDLE, property = {
    "osgi.command.scope=hallows",
    "osgi.command.function=schedulers", "osgi.command.function=swap", "osgi.command.function=rollback",
    "osgi.command.function=stats"})
public final class SchedulerCommands {
    private final SchedulerManager schedulers;

    @Activate
    public SchedulerCommands(@Reference(target = Kernel.TARGET) Kernel kernel, ComponentContext context) {
        ShellAccess.check(kernel, context);
        this.schedulers = kernel.schedulers();
    }

    @Descriptor("list the installed scheduling policies and the partitions each serves, then the refused ones")
    public String schedulers() {
        Table table = new Table("NAME", "VERSION", "BUNDLE", "ACTIVE IN", "DESCRIPTION");
        for (SchedulerInfo s : schedulers.installed()) {
            table.row(s.name(), s.version(), s.bundle(), String.join(",", s.activeIn()), s.description());
        }
        List<RefusedPolicy> refused = schedulers.refused();
        if (refused.isEmpty()) {
            return table.toString();
        }
        Table refusals = new Table("NAME", "VERSION", "BUNDLE", "WHY");
        refused.forEach(r -> refusals.row(r.name(), r.version(), r.provider(), r.reason()));
        return table + "refused (never used):\n" + refusals;
    }

    @Descriptor("switch a partition to another scheduler, with no task lost")
    public String swap(@Descriptor("partition name") String partition, @Descriptor("scheduler name") String scheduler) {
        return describe(partition, schedulers.swap(partition, scheduler));
    }

    @Descriptor("switch a partition back to the scheduler it had before its latest switch")
    public String rollback(@Descriptor("partition name") String partition) {
        return describe(partition, schedulers.rollback(partition));
    }

    @Descriptor("show a partition's scheduling figures, switches and the last exit reason")
    public String stats(@Descriptor("partition name") String partition) {
        SchedulerStats s = schedulers.stats(partition);
        StringBuilder out = new StringBuilder(Table.fields("partition", s.partition(), "scheduler", s.scheduler(),
                "workers", s.workers(), "watchdog", s.watchdogMillis() + " ms", "submitted", s.submitted(),
                "completed", s.completed(), "failed", s.failed(), "queued", s.queued(), "running", s.running(),
                "latency", String.format(Locale.ROOT, "p50 %.1f us, p99 %.1f us, p99.9 %.1f us", s.p50Micros(), s.p99Micros(),
                        s.p999Micros()),
                "loops", s.loops(), "stalls", s.stalls(), "overruns", s.overruns(), "replaced workers", s.replacedWorkers(),
                "last exit", s.lastExit() == null ? "none" : s.lastExit().from() + " exited (" + s.lastExit().reason() + ") at "
                        + s.lastExit().at() + ": " + s.lastExit().detail()));
        if (s.lastStall() != null) {
            out.append("last stall: ").append(s.lastStall()).append('\n');
        }
        if (s.lastOverrun() != null) {
            out.append("last overrun: ").append(s.lastOverrun()).append('\n');
        }
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(s.policy()).entrySet()) {
            out.append("policy.").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        if (!s.swaps().isEmpty()) {
            Table swaps = new Table("AT", "FROM", "TO", "REASON", "PAUSE", "HANDED OVER", "HANDOVER", "STEPS (us)", "DETAIL");
            for (SwapRecord r : s.swaps()) {
                swaps.row(r.at(), r.from(), r.to(), r.reason(), micros(r.pauseNanos()), r.handedBack(), micros(r.handoverNanos()),
                        steps(r), r.detail());
            }
            out.append("switches:\n").append(swaps);
        }
        return out.toString();
    }

    private static String describe(String partition, SwapRecord r) {
        return "partition '" + partition + "': " + r.from() + " -> " + r.to() + " in " + micros(r.pauseNanos()) + ", "
                + r.handedBack() + " queued tasks handed over";
    }

    /** {@code quiesce 3.1, transfer 15.8, ...}: each step of a switch in microseconds, in order. */
    private static String steps(SwapRecord r) {
        StringBuilder out = new StringBuilder();
        r.stepNanos().forEach((step, nanos) -> out.append(out.isEmpty() ? "" : ", ").append(step).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", nanos / 1e3)));
        return out.isEmpty() ? "-" : out.toString();
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }
}
