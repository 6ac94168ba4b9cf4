package io.hallows.hal.impl.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsDevicesTest {
    @TempDir
    Path root;

    @Test
    void readsBlockDevicesWithQueuesNumaNodesAndSizes() {
        String nvme = "devices/pci0000:00/0000:00:04.0/nvme/nvme0/nvme0n1";
        String sda = "devices/pci0000:00/0000:00:05.0/ata1/host0/target0:0:0/0:0:0:0/block/sda";
        new FakeSysfs(root)
                .link("block/nvme0n1", nvme)
                .file(nvme + "/size", "2048").file(nvme + "/queue/rotational", "0")
                .dir(nvme + "/mq/0").dir(nvme + "/mq/1").dir(nvme + "/mq/2").dir(nvme + "/mq/3")
                .link(nvme + "/device", "devices/pci0000:00/0000:00:04.0/nvme/nvme0")
                .file("devices/pci0000:00/0000:00:04.0/nvme/nvme0/numa_node", "1")
                .link("block/sda", sda)
                .file(sda + "/size", "1000").file(sda + "/queue/rotational", "1")
                // A SCSI disk has no numa_node of its own: its PCI controller's is the answer.
                .link(sda + "/device", "devices/pci0000:00/0000:00:05.0/ata1/host0/target0:0:0/0:0:0:0")
                .file("devices/pci0000:00/0000:00:05.0/numa_node", "1")
                .link("block/loop0", "devices/virtual/block/loop0")
                .file("devices/virtual/block/loop0/size", "0");

        Outcome<List<BlockDevice>> devices = new SysfsDevices(root).blockDevices();

        assertEquals(Support.PORTABLE, devices.support());
        assertEquals(List.of(
                new BlockDevice("loop0", -1, 1, false, true, 0),
                new BlockDevice("nvme0n1", 1, 4, false, false, 2048 * 512),
                new BlockDevice("sda", 1, 1, true, false, 1000 * 512)), devices.value());
    }

    @Test
    void readsNetDevicesWithQueuesAndOperationalState() {
        String eth = "devices/pci0000:00/0000:00:03.0/virtio2/net/eth0";
        FakeSysfs sys = new FakeSysfs(root)
                .link("class/net/eth0", eth).file(eth + "/operstate", "up")
                .link(eth + "/device", "devices/pci0000:00/0000:00:03.0/virtio2")
                .file("devices/pci0000:00/0000:00:03.0/virtio2/numa_node", "0")
                .link("class/net/lo", "devices/virtual/net/lo").file("devices/virtual/net/lo/operstate", "unknown")
                .dir("devices/virtual/net/lo/queues/rx-0").dir("devices/virtual/net/lo/queues/tx-0")
                .link("class/net/wlan0", "devices/pci0000:00/0000:00:06.0/net/wlan0")
                .file("devices/pci0000:00/0000:00:06.0/net/wlan0/operstate", "dormant")
                .file("devices/pci0000:00/0000:00:06.0/net/wlan0/device/numa_node", "node one");
        for (int q = 0; q < 4; q++) {
            sys.dir(eth + "/queues/rx-" + q).dir(eth + "/queues/tx-" + q);
        }

        List<NetDevice> devices = new SysfsDevices(root).netDevices().value();

        assertEquals(List.of(
                new NetDevice("eth0", 0, 4, 4, false, true),
                new NetDevice("lo", -1, 1, 1, true, false),
                new NetDevice("wlan0", -1, 0, 0, false, false)), devices);
    }

    @Test
    void withoutTheDirectoriesDevicesAreUnsupportedWithTheReason() {
        SysfsDevices devices = new SysfsDevices(root.resolve("nothing"));

        Outcome<List<BlockDevice>> block = devices.blockDevices();
        assertFalse(block.isSupported());
        assertTrue(block.reason().contains("nothing/block"), block.reason());
        assertTrue(devices.netDevices().reason().contains("nothing/class/net"), devices.netDevices().reason());
    }

    @Test
    void anEmptyDirectoryIsNoDevices() {
        new FakeSysfs(root).dir("block").dir("class/net");

        assertEquals(List.of(), new SysfsDevices(root).blockDevices().value());
        assertEquals(List.of(), new SysfsDevices(root).netDevices().value());
    }

    @Test
    void garbledAttributesTakeNeutralValues() {
        String vdb = "devices/pci0000:00/0000:00:07.0/virtio3/block/vdb";
        new FakeSysfs(root).link("block/vdb", vdb)
                .file(vdb + "/size", "-5").file(vdb + "/queue/rotational", "yes")
                .dir(vdb + "/mq/not-a-queue");

        assertEquals(List.of(new BlockDevice("vdb", -1, 1, false, false, 0)), new SysfsDevices(root).blockDevices().value());
    }
}
