package io.hallows.hal.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * The cpu layout of this machine: online cpus, their cores, SMT siblings, packages, NUMA nodes
 * and caches. On Linux it is read from sysfs; elsewhere the portable answer knows only the number
 * of processors the JVM sees, and says so through {@link #source()} and empty lists.
 *
 * @param online the cpus online now
 * @param cpus   one entry per online cpu, ascending; empty when the layout is unknown
 * @param nodes  NUMA nodes with their cpus; empty when unknown
 * @param caches each distinct cache once (level, type, size, the cpus sharing it); empty when unknown
 * @param source how the layout was obtained ({@link Support#NATIVE} is never used: sysfs is read as files)
 */
public record Topology(CpuSet online, List<Cpu> cpus, List<Node> nodes, List<Cache> caches, Support source) {
    public Topology {
        cpus = List.copyOf(cpus);
        nodes = List.copyOf(nodes);
        caches = List.copyOf(caches);
    }

    /**
     * One logical cpu.
     *
     * @param id       the cpu number
     * @param core     its core id within the package (from {@code topology/core_id})
     * @param pkg      its physical package (socket) id
     * @param node     its NUMA node, or -1 when unknown
     * @param siblings the logical cpus sharing its core (SMT siblings, itself included)
     */
    public record Cpu(int id, int core, int pkg, int node, CpuSet siblings) {
    }

    /** A NUMA node: its cpus and, when known, its memory in bytes. */
    public record Node(int id, CpuSet cpus, OptionalLong memoryBytes) {
    }

    /**
     * A cache.
     *
     * @param level     1, 2, 3…
     * @param type      {@code Data}, {@code Instruction} or {@code Unified}
     * @param sizeBytes its size
     * @param sharedBy  the cpus that share it
     */
    public record Cache(int level, String type, long sizeBytes, CpuSet sharedBy) {
    }

    /** The number of distinct physical cores (package, core) among the online cpus. */
    public long coreCount() {
        return cpus.stream().map(c -> c.pkg() + ":" + c.core()).distinct().count();
    }

    /** The number of distinct packages among the online cpus. */
    public long packageCount() {
        return cpus.stream().mapToInt(Cpu::pkg).distinct().count();
    }
}
