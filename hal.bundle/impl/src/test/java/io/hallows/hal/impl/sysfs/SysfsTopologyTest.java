package io.hallows.hal.impl.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsTopologyTest {
    @TempDir
    Path root;

    /** 2 packages x 2 cores x 2 SMT threads; cpus n and n+4 are siblings; node 0 = package 0. */
    private FakeSysfs twoSocketMachine() {
        FakeSysfs sys = new FakeSysfs(root).file("cpu/online", "0-7").file("cpu/possible", "0-15");
        for (int cpu = 0; cpu < 8; cpu++) {
            int pkg = cpu % 4 / 2;
            int core = cpu % 2;
            int sibling = cpu < 4 ? cpu + 4 : cpu - 4;
            String siblings = Math.min(cpu, sibling) + "," + Math.max(cpu, sibling);
            String dir = "cpu/cpu" + cpu;
            sys.file(dir + "/topology/core_id", "" + core)
                    .file(dir + "/topology/physical_package_id", "" + pkg)
                    .file(dir + "/topology/thread_siblings_list", siblings);
            cache(sys, dir + "/cache/index0", "1", "Data", "48K", siblings);
            cache(sys, dir + "/cache/index1", "1", "Instruction", "32K", siblings);
            cache(sys, dir + "/cache/index2", "2", "Unified", "1024K", siblings);
            cache(sys, dir + "/cache/index3", "3", "Unified", "16M", pkg == 0 ? "0-1,4-5" : "2-3,6-7");
        }
        return sys.file("node/node0/cpulist", "0-1,4-5").file("node/node1/cpulist", "2-3,6-7")
                .file("node/node0/meminfo", "Node 0 MemTotal:       16384 kB\nNode 0 MemFree:        1024 kB")
                .file("node/node1/meminfo", "Node 1 MemTotal:       32768 kB");
    }

    private static void cache(FakeSysfs sys, String dir, String level, String type, String size, String shared) {
        sys.file(dir + "/level", level).file(dir + "/type", type).file(dir + "/size", size)
                .file(dir + "/shared_cpu_list", shared);
    }

    @Test
    void readsPackagesCoresSiblingsAndNodes() {
        twoSocketMachine();
        Topology t = new SysfsTopology(root).read();

        assertEquals(CpuSet.parse("0-7"), t.online());
        assertEquals(Support.PORTABLE, t.source());
        assertEquals(8, t.cpus().size());
        assertEquals(new Topology.Cpu(5, 1, 0, 0, CpuSet.of(1, 5)), t.cpus().get(5));
        assertEquals(new Topology.Cpu(6, 0, 1, 1, CpuSet.of(2, 6)), t.cpus().get(6));
        assertEquals(4, t.coreCount());
        assertEquals(2, t.packageCount());
        assertEquals(List.of(new Topology.Node(0, CpuSet.parse("0-1,4-5"), OptionalLong.of(16384L * 1024)),
                new Topology.Node(1, CpuSet.parse("2-3,6-7"), OptionalLong.of(32768L * 1024))), t.nodes());
        assertEquals(CpuSet.parse("0-15"), new SysfsTopology(root).possible().orElseThrow());
    }

    @Test
    void listsEachCacheOnceWithItsSizeInBytes() {
        twoSocketMachine();
        List<Topology.Cache> caches = new SysfsTopology(root).read().caches();

        // per core: L1d, L1i, L2 (4 cores); per package: L3 (2 packages)
        assertEquals(4 * 3 + 2, caches.size(), caches.toString());
        assertEquals(new Topology.Cache(1, "Data", 48 * 1024, CpuSet.of(0, 4)), caches.get(0));
        assertEquals(new Topology.Cache(1, "Instruction", 32 * 1024, CpuSet.of(0, 4)), caches.get(4));
        assertEquals(new Topology.Cache(2, "Unified", 1024 * 1024, CpuSet.of(3, 7)), caches.get(11));
        assertEquals(new Topology.Cache(3, "Unified", 16L << 20, CpuSet.parse("0-1,4-5")), caches.get(12));
        assertEquals(new Topology.Cache(3, "Unified", 16L << 20, CpuSet.parse("2-3,6-7")), caches.get(13));
    }

    @Test
    void cpusWithoutTopologyFilesAreCoresOfTheirOwn() {
        new FakeSysfs(root).file("cpu/online", "0,2-3");
        Topology t = new SysfsTopology(root).read();

        assertEquals(List.of(new Topology.Cpu(0, 0, 0, -1, CpuSet.of(0)), new Topology.Cpu(2, 2, 0, -1, CpuSet.of(2)),
                new Topology.Cpu(3, 3, 0, -1, CpuSet.of(3))), t.cpus());
        assertEquals(List.of(), t.nodes());
        assertEquals(List.of(), t.caches());
        assertEquals(3, t.coreCount());
    }

    @Test
    void garbledAttributesTakeTheDefaultsAndGarbledCachesAreLeftOut() {
        new FakeSysfs(root).file("cpu/online", "0-1")
                .file("cpu/cpu0/topology/core_id", "zero")
                .file("cpu/cpu0/topology/physical_package_id", "")
                .file("cpu/cpu0/topology/thread_siblings_list", "%%")
                .file("cpu/cpu1/topology/core_id", "99999999999")
                .file("cpu/cpu1/topology/thread_siblings_list", "0") // does not name cpu 1 itself
                .file("cpu/cpu0/cache/index0/level", "one").file("cpu/cpu0/cache/index0/type", "Data")
                .file("cpu/cpu0/cache/index0/size", "32K")
                .file("cpu/cpu0/cache/index1/level", "2").file("cpu/cpu0/cache/index1/type", "Unified")
                .file("cpu/cpu0/cache/index1/size", "lots")
                .file("cpu/cpu0/cache/index2/level", "3").file("cpu/cpu0/cache/index2/type", "Unified")
                .file("cpu/cpu0/cache/index2/size", "8M").file("cpu/cpu0/cache/index2/shared_cpu_list", "x-y")
                .file("node/node0/cpulist", "garbage").file("node/node0/meminfo", "MemTotal: many kB")
                .file("node/nodeX/cpulist", "0-1");
        Topology t = new SysfsTopology(root).read();

        assertEquals(List.of(new Topology.Cpu(0, 0, 0, -1, CpuSet.of(0)), new Topology.Cpu(1, 1, 0, -1, CpuSet.of(1))),
                t.cpus());
        assertEquals(List.of(new Topology.Node(0, CpuSet.empty(), OptionalLong.empty())), t.nodes());
        assertEquals(List.of(new Topology.Cache(3, "Unified", 8L << 20, CpuSet.of(0))), t.caches());
    }

    @Test
    void aNodeWithMemoryButNoCpusIsListedEmpty() {
        new FakeSysfs(root).file("cpu/online", "0").file("node/node0/cpulist", "0")
                .file("node/node1/cpulist", "").file("node/node1/meminfo", "Node 1 MemTotal: 4 kB");
        Topology t = new SysfsTopology(root).read();

        assertEquals(new Topology.Node(1, CpuSet.empty(), OptionalLong.of(4096)), t.nodes().get(1));
        assertEquals(0, t.cpus().get(0).node());
    }

    @Test
    void withoutAReadableOnlineListOnlyTheProcessorCountIsKnown() {
        Topology expected = SysfsTopology.withoutSysfs();
        assertEquals(CpuSet.first(Runtime.getRuntime().availableProcessors()), expected.online());
        assertTrue(expected.cpus().isEmpty() && expected.nodes().isEmpty() && expected.caches().isEmpty());

        assertEquals(expected, new SysfsTopology(root.resolve("missing")).read());
        new FakeSysfs(root).file("cpu/online", "1-0");
        assertEquals(expected, new SysfsTopology(root).read());
    }

    @Test
    void parsesCacheSizesAndNodeMemory() {
        assertEquals(OptionalLong.of(32 * 1024), SysfsTopology.sizeBytes("32K"));
        assertEquals(OptionalLong.of(1024 * 1024), SysfsTopology.sizeBytes("1024K"));
        assertEquals(OptionalLong.of(16L << 20), SysfsTopology.sizeBytes("16M"));
        assertEquals(OptionalLong.of(1L << 30), SysfsTopology.sizeBytes("1g"));
        assertEquals(OptionalLong.of(512), SysfsTopology.sizeBytes("512"));
        assertEquals(OptionalLong.empty(), SysfsTopology.sizeBytes("32T"));
        assertEquals(OptionalLong.empty(), SysfsTopology.sizeBytes("99999999999999999999K"));
        assertEquals(OptionalLong.empty(), SysfsTopology.sizeBytes(""));
    }
}
