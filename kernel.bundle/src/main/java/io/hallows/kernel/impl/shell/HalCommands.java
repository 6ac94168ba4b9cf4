package io.hallows.kernel.impl.shell;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Topology;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.partition.PartitionManager;
import io.hallows.kernel.impl.scheduler.SchedulerManager;
import io.hallows.kernel.impl.scheduler.WorkerPin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Operator commands on cpus and the HAL, in the Gogo scope {@code hallows}. */
@Component(service = HalCommands.class, scope = ServiceScope.BUNDLE, property = {
    "osgi.command.scope=hallows", "osgi.command.function=cores", "osgi.command.function=hal",
    "osgi.command.function=devices"})
public final class HalCommands {
    private static final String NO_HAL = "no HAL service: hal.bundle (io.hallows.hal) is not running, so workers are not pinned";

    private final HalBinding hal;
    private final PartitionManager partitions;
    private final SchedulerManager schedulers;

    @Activate
    public HalCommands(@Reference(target = Kernel.TARGET) Kernel kernel, ComponentContext context) {
        ShellAccess.check(kernel, context);
        this.hal = kernel.hal();
        this.partitions = kernel.partitions();
        this.schedulers = kernel.schedulers();
    }

    @Descriptor("show the cpu topology, which partition owns each cpu, and what each worker and loop thread is pinned to")
    public String cores() {
        Optional<Hal> bound = hal.hal();
        // One read of sysfs for the whole answer, so the cpus listed and the layout agree.
        Topology t = bound.map(Hal::topology).orElse(null);
        CpuSet online = t != null ? t.online() : hal.online();
        List<PartitionStatus> owners = partitions.list();
        StringBuilder out = new StringBuilder();
        Table cpus = new Table("CPU", "CORE", "PACKAGE", "NODE", "SMT SIBLINGS", "OWNED BY");
        if (t != null && !t.cpus().isEmpty()) {
            out.append(String.format("%d cpus online (%s), %d cores, %d package(s), %d NUMA node(s)%n", online.size(), online,
                    t.coreCount(), t.packageCount(), Math.max(1, t.nodes().size())));
            for (Topology.Cpu c : t.cpus()) {
                cpus.row(c.id(), c.core(), c.pkg(), c.node() < 0 ? "-" : c.node(), c.siblings(), ownersOf(c.id(), owners));
            }
            out.append(cpus);
            appendCaches(out, t);
        } else {
            out.append(String.format("%d cpus online (%s); layout unknown: %s%n", online.size(), online,
                    bound.isPresent() ? "the HAL has no topology on this system" : NO_HAL));
            online.stream().forEach(cpu -> cpus.row(cpu, "-", "-", "-", "-", ownersOf(cpu, owners)));
            out.append(cpus);
        }
        out.append('\n');
        // PINNED TO is what pinning read back; ALLOWED NOW asks the HAL again, so a change made
        // behind the kernel's back (taskset, cgroups) shows.
        Table workers = new Table("PARTITION", "WORKER", "TID", "PINNED TO", "ALLOWED NOW");
        // A framework's loop threads (ownThread) are the partition's too; listed apart, with their role.
        Table loops = new Table("PARTITION", "LOOP THREAD", "ROLE", "TID", "PINNED TO", "ALLOWED NOW");
        for (WorkerPin w : schedulers.workers()) {
            Object tid = w.tid() < 0 ? "-" : w.tid();
            Object pinned = w.pinned().isSupported() ? w.pinned().value() : "not pinned: " + w.pinned().reason();
            Object allowed = bound.isEmpty() || w.tid() < 0 ? "-" : allowedNow(bound.get(), w.tid());
            if (w.isLoop()) {
                loops.row(w.partition(), w.thread(), w.role(), tid, pinned, allowed);
            } else {
                workers.row(w.partition(), w.thread(), tid, pinned, allowed);
            }
        }
        out.append(workers.isEmpty() ? "no worker threads running\n" : workers.toString());
        if (!loops.isEmpty()) {
            out.append('\n').append(loops);
        }
        return out.toString();
    }

    @Descriptor("list what the HAL supports on this machine, and how (native call, portable path, or why not)")
    public String hal() {
        Optional<Hal> bound = hal.hal();
        if (bound.isEmpty()) {
            return NO_HAL + "\n";
        }
        Table table = new Table("FEATURE", "SUPPORT", "DETAIL");
        for (Feature f : bound.get().features()) {
            table.row(f.name(), f.support().label(), f.detail());
        }
        return bound.get().platform() + "\n" + table;
    }

    @Descriptor("list block devices and network interfaces with their NUMA node and queues, to place partitions near them")
    public String devices() {
        Optional<Hal> bound = hal.hal();
        if (bound.isEmpty()) {
            return NO_HAL + "\n";
        }
        StringBuilder out = new StringBuilder();
        Outcome<List<BlockDevice>> blocks = bound.get().blockDevices();
        if (blocks.isSupported()) {
            Table table = new Table("BLOCK DEVICE", "NODE", "QUEUES", "KIND", "SIZE");
            for (BlockDevice d : blocks.value()) {
                table.row(d.name(), d.numaNode() < 0 ? "-" : d.numaNode(), d.queues(),
                        d.virtual() ? "virtual" : d.rotational() ? "disk (rotational)" : "disk", size(d.sizeBytes()));
            }
            out.append(table);
        } else {
            out.append("block devices: unsupported: ").append(blocks.reason()).append('\n');
        }
        out.append('\n');
        Outcome<List<NetDevice>> nets = bound.get().netDevices();
        if (nets.isSupported()) {
            Table table = new Table("INTERFACE", "NODE", "RX QUEUES", "TX QUEUES", "KIND", "STATE");
            for (NetDevice d : nets.value()) {
                table.row(d.name(), d.numaNode() < 0 ? "-" : d.numaNode(), d.rxQueues(), d.txQueues(),
                        d.virtual() ? "virtual" : "device", d.up() ? "up" : "not up");
            }
            out.append(table);
        } else {
            out.append("network interfaces: unsupported: ").append(nets.reason()).append('\n');
        }
        return out.toString();
    }

    private static String allowedNow(Hal hal, long tid) {
        try {
            return hal.affinity(tid).map(CpuSet::toString).orElse("-");
        } catch (IllegalArgumentException ended) { // the worker ended since it was listed
            return "-";
        }
    }

    private static String ownersOf(int cpu, List<PartitionStatus> partitions) {
        List<String> names = new ArrayList<>();
        for (PartitionStatus p : partitions) {
            if (CpuSet.parse(p.cpus()).contains(cpu)) {
                names.add(p.name() + (p.exclusive() ? "" : " (shared)"));
            }
        }
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    /** One line: each kind of cache with how many there are, e.g. "L1 Data 32 KiB x2 (per 1 cpu)". */
    private static void appendCaches(StringBuilder out, Topology t) {
        java.util.Map<String, int[]> kinds = new java.util.LinkedHashMap<>();
        for (Topology.Cache c : t.caches()) {
            String kind = "L" + c.level() + " " + c.type() + " " + size(c.sizeBytes());
            int[] countAndSharing = kinds.computeIfAbsent(kind, k -> new int[] {0, c.sharedBy().size()});
            countAndSharing[0]++;
        }
        if (!kinds.isEmpty()) {
            List<String> parts = new ArrayList<>();
            kinds.forEach((kind, n) -> parts.add(kind + " x" + n[0] + " (each shared by " + n[1] + " cpu" + (n[1] == 1 ? "" : "s") + ")"));
            out.append("caches: ").append(String.join(", ", parts)).append('\n');
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes / 1024 + " KiB";
    }
}
