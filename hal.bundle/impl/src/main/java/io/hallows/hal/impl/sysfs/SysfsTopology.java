package io.hallows.hal.impl.sysfs;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cpu layout from sysfs under a root ({@code /sys/devices/system} by default, a fake tree
 * in tests). It never fails:
 * <ul>
 * <li>without a readable {@code cpu/online} it answers what the JVM knows
 *     ({@link #withoutSysfs()}: the first {@code availableProcessors} cpus, empty lists);</li>
 * <li>a cpu whose topology files are missing or garbled is taken as the simplest machine: a core
 *     of its own ({@code core} = its id, no SMT sibling), package 0, node -1;</li>
 * <li>a cache whose level, type or size is missing or garbled is left out rather than guessed.</li>
 * </ul>
 */
public final class SysfsTopology {
    public static final Path DEFAULT_ROOT = Path.of("/sys/devices/system");

    private static final Pattern CPU = Pattern.compile("cpu(\\d+)");
    private static final Pattern NODE = Pattern.compile("node(\\d+)");
    private static final Pattern CACHE_INDEX = Pattern.compile("index(\\d+)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)", Pattern.CASE_INSENSITIVE);

    private final Path root;

    public SysfsTopology(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The cpus online now ({@code cpu/online}); empty when there is no such file or it does not parse. */
    public Optional<CpuSet> online() {
        return SysfsFiles.cpuList(root.resolve("cpu/online")).filter(cpus -> !cpus.isEmpty());
    }

    /** The cpus the kernel could ever bring online ({@code cpu/possible}), which sizes affinity masks. */
    public Optional<CpuSet> possible() {
        return SysfsFiles.cpuList(root.resolve("cpu/possible")).filter(cpus -> !cpus.isEmpty());
    }

    /** The online cpus, or the first {@code availableProcessors} when sysfs does not say. */
    public CpuSet onlineOrAvailable() {
        return online().orElseGet(() -> withoutSysfs().online());
    }

    public Topology read() {
        Optional<CpuSet> online = online();
        if (online.isEmpty()) {
            return withoutSysfs();
        }
        List<Topology.Node> nodes = nodes();
        Map<Integer, Integer> nodeOfCpu = new HashMap<>();
        for (Topology.Node node : nodes) {
            node.cpus().stream().forEach(cpu -> nodeOfCpu.put(cpu, node.id()));
        }
        List<Topology.Cpu> cpus = new ArrayList<>();
        Map<CacheKey, Topology.Cache> caches = new LinkedHashMap<>();
        online.get().stream().forEach(id -> {
            Path dir = root.resolve("cpu/cpu" + id);
            cpus.add(cpu(id, dir.resolve("topology"), nodeOfCpu.getOrDefault(id, -1)));
            for (Path index : SysfsFiles.entries(dir.resolve("cache"), CACHE_INDEX)) {
                cache(id, index).ifPresent(c -> caches.putIfAbsent(new CacheKey(c.level(), c.type(), c.sharedBy()), c));
            }
        });
        List<Topology.Cache> distinct = new ArrayList<>(caches.values());
        distinct.sort(Comparator.comparingInt(Topology.Cache::level).thenComparing(Topology.Cache::type)
                .thenComparingInt(c -> c.sharedBy().stream().findFirst().orElse(-1)));
        return new Topology(online.get(), cpus, nodes, distinct, Support.PORTABLE);
    }

    /** What the JVM alone knows: the number of processors, no layout. */
    public static Topology withoutSysfs() {
        return new Topology(CpuSet.first(Runtime.getRuntime().availableProcessors()), List.of(), List.of(), List.of(),
                Support.PORTABLE);
    }

    private static Topology.Cpu cpu(int id, Path topology, int node) {
        int core = SysfsFiles.integer(topology.resolve("core_id")).orElse(id);
        int pkg = SysfsFiles.integer(topology.resolve("physical_package_id")).orElse(0);
        CpuSet siblings = SysfsFiles.cpuList(topology.resolve("thread_siblings_list"))
                .filter(s -> s.contains(id)).orElse(CpuSet.of(id));
        return new Topology.Cpu(id, core, pkg, node, siblings);
    }

    private List<Topology.Node> nodes() {
        List<Topology.Node> nodes = new ArrayList<>();
        for (Path dir : SysfsFiles.entries(root.resolve("node"), NODE)) {
            long id = SysfsFiles.index(dir, NODE);
            if (id <= Integer.MAX_VALUE) {
                CpuSet cpus = SysfsFiles.cpuList(dir.resolve("cpulist")).orElse(CpuSet.empty());
                nodes.add(new Topology.Node((int) id, cpus, memTotal(dir.resolve("meminfo"))));
            }
        }
        return nodes;
    }

    /** {@code MemTotal} of a node's meminfo ("Node 0 MemTotal:  5073112 kB") in bytes. */
    static OptionalLong memTotal(Path meminfo) {
        for (String line : SysfsFiles.text(meminfo).orElse("").split("\n")) {
            int at = line.indexOf("MemTotal:");
            if (at >= 0) {
                String[] value = line.substring(at + "MemTotal:".length()).trim().split("\\s+");
                try {
                    long amount = Long.parseLong(value[0]);
                    if (value.length == 1) {
                        return OptionalLong.of(amount);
                    }
                    return value[1].equalsIgnoreCase("kB") ? OptionalLong.of(amount * 1024) : OptionalLong.empty();
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static Optional<Topology.Cache> cache(int cpu, Path index) {
        var level = SysfsFiles.integer(index.resolve("level"));
        Optional<String> type = SysfsFiles.text(index.resolve("type")).filter(t -> !t.isEmpty());
        OptionalLong size = sizeBytes(SysfsFiles.text(index.resolve("size")).orElse(""));
        if (level.isEmpty() || level.getAsInt() < 1 || type.isEmpty() || size.isEmpty()) {
            return Optional.empty();
        }
        CpuSet shared = SysfsFiles.cpuList(index.resolve("shared_cpu_list"))
                .filter(s -> s.contains(cpu)).orElse(CpuSet.of(cpu));
        return Optional.of(new Topology.Cache(level.getAsInt(), type.get(), size.getAsLong(), shared));
    }

    /** A sysfs cache size: {@code 32K}, {@code 1024K}, {@code 16M}, or plain bytes. */
    static OptionalLong sizeBytes(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        try {
            long amount = Long.parseLong(m.group(1));
            return amount <= Long.MAX_VALUE >> shift ? OptionalLong.of(amount << shift) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Cpus report each cache they share: the same level, type and sharing set is one cache. */
    private record CacheKey(int level, String type, CpuSet sharedBy) {
    }
}
