package io.hallows.hal.impl.sysfs;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads block and network devices from sysfs under a root ({@code /sys} by default, a fake tree in
 * tests). A device's missing attribute takes the neutral value (NUMA node -1, one queue, not
 * rotational, size 0, down); only a missing {@code block} or {@code class/net} directory makes the
 * answer unsupported.
 */
public final class SysfsDevices {
    public static final Path DEFAULT_ROOT = Path.of("/sys");

    private static final Pattern ANY = Pattern.compile("[^.].*");
    private static final Pattern MQ_QUEUE = Pattern.compile("(\\d+)");
    private static final Pattern RX_QUEUE = Pattern.compile("rx-(\\d+)");
    private static final Pattern TX_QUEUE = Pattern.compile("tx-(\\d+)");
    private static final long SECTOR_BYTES = 512; // sysfs "size" counts 512-byte sectors whatever the device's block size

    private final Path root;

    public SysfsDevices(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** {@code /sys/block/*}, by name. */
    public Outcome<List<BlockDevice>> blockDevices() {
        return list(root.resolve("block"), (name, dir) -> new BlockDevice(name, numaNode(dir),
                Math.max(1, SysfsFiles.entries(dir.resolve("mq"), MQ_QUEUE).size()),
                SysfsFiles.integer(dir.resolve("queue/rotational")).orElse(0) == 1,
                SysfsFiles.isVirtual(root, dir),
                Math.max(0, SysfsFiles.number(dir.resolve("size")).orElse(0)) * SECTOR_BYTES));
    }

    /** {@code /sys/class/net/*}, by name. Only operstate "up" is up: {@code lo} says "unknown". */
    public Outcome<List<NetDevice>> netDevices() {
        return list(root.resolve("class/net"), (name, dir) -> new NetDevice(name, numaNode(dir),
                SysfsFiles.entries(dir.resolve("queues"), RX_QUEUE).size(),
                SysfsFiles.entries(dir.resolve("queues"), TX_QUEUE).size(),
                SysfsFiles.isVirtual(root, dir),
                SysfsFiles.text(dir.resolve("operstate")).orElse("").equals("up")));
    }

    private static <T> Outcome<List<T>> list(Path dir, BiFunction<String, Path, T> device) {
        if (!Files.isDirectory(dir)) {
            return Outcome.unsupported("no " + dir + " (no sysfs here: not Linux, or /sys not mounted)");
        }
        List<T> devices = SysfsFiles.entries(dir, ANY).stream() // sorted by name
                .map(entry -> device.apply(entry.getFileName().toString(), entry))
                .toList();
        return Outcome.of(devices, Support.PORTABLE);
    }

    /**
     * The NUMA node of the device's nearest ancestor that names one: a virtio disk or a SCSI disk
     * has no {@code numa_node} of its own, its PCI controller does.
     */
    private int numaNode(Path device) {
        Path at;
        try {
            at = device.resolve("device").toRealPath();
        } catch (java.io.IOException e) {
            return -1;
        }
        Path top = root.resolve("devices").normalize();
        for (; at != null && at.startsWith(top) && !at.equals(top); at = at.getParent()) {
            if (Files.exists(at.resolve("numa_node"))) {
                return SysfsFiles.integer(at.resolve("numa_node")).orElse(-1);
            }
        }
        return -1;
    }
}
