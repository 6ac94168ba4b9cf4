package io.hallows.hal.impl.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The readers against this machine's real sysfs, checked against the files themselves. */
class ThisMachineSysfsTest {
    private static final Path SYSTEM = SysfsTopology.DEFAULT_ROOT;

    @Test
    void topologyMatchesTheKernelsFiles() throws IOException {
        assumeTrue(Files.exists(SYSTEM.resolve("cpu/online")), "no sysfs here");
        Topology t = new SysfsTopology(SYSTEM).read();

        CpuSet online = CpuSet.parse(Files.readString(SYSTEM.resolve("cpu/online")).strip());
        assertEquals(online, t.online());
        assertEquals(online.size(), t.cpus().size());
        assertEquals(online.stream().boxed().toList(), t.cpus().stream().map(Topology.Cpu::id).toList());
        for (Topology.Cpu cpu : t.cpus()) {
            Path topology = SYSTEM.resolve("cpu/cpu" + cpu.id() + "/topology");
            assertEquals(Integer.parseInt(Files.readString(topology.resolve("core_id")).strip()), cpu.core());
            assertEquals(CpuSet.parse(Files.readString(topology.resolve("thread_siblings_list")).strip()), cpu.siblings());
            Topology.Node node = t.nodes().stream().filter(n -> n.cpus().contains(cpu.id())).findFirst().orElseThrow();
            assertEquals(node.id(), cpu.node());
        }
        assertTrue(t.nodes().stream().allMatch(n -> n.memoryBytes().orElse(0) > 0), t.nodes().toString());
        assertFalse(t.caches().isEmpty());
        assertTrue(t.caches().stream().anyMatch(c -> c.level() == 1 && c.type().equals("Data")), t.caches().toString());
    }

    @Test
    void blockDevicesHereIncludeTheVirtioDiskAndVirtualLoops() {
        assumeTrue(Files.exists(Path.of("/sys/block/vda")), "the virtio disk vda of the build VM");
        Map<String, BlockDevice> devices = byName(new SysfsDevices(SysfsDevices.DEFAULT_ROOT).blockDevices().value(),
                BlockDevice::name);

        assertFalse(devices.get("vda").virtual());
        assertTrue(devices.get("vda").sizeBytes() > 0);
        assertTrue(devices.get("vda").queues() >= 1);
        assertTrue(devices.get("loop0").virtual());
    }

    @Test
    void netDevicesHereIncludeLoopbackAsVirtualAndNotUp() {
        assumeTrue(Files.exists(Path.of("/sys/class/net/lo")), "no loopback in sysfs");
        Map<String, NetDevice> devices = byName(new SysfsDevices(SysfsDevices.DEFAULT_ROOT).netDevices().value(),
                NetDevice::name);

        NetDevice lo = devices.get("lo");
        assertTrue(lo.virtual());
        assertFalse(lo.up(), "lo's operstate is 'unknown', which is not 'up'");
        if (devices.containsKey("eth0")) {
            assertFalse(devices.get("eth0").virtual());
            assertTrue(devices.get("eth0").rxQueues() >= 1);
        }
    }

    private static <T> Map<String, T> byName(List<T> devices, Function<T, String> name) {
        return devices.stream().collect(Collectors.toMap(name, d -> d));
    }
}
