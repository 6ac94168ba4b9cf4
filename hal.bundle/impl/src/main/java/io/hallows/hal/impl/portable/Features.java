package io.hallows.hal.impl.portable;

import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names under which {@code hallows:hal} lists the HAL's calls, and the helpers both
 * implementations use to build the list: the portable one lists every call, the native one
 * replaces the entries it answers itself.
 */
public final class Features {
    public static final String TOPOLOGY = "topology";
    public static final String THREAD_ID = "threadId";
    public static final String PIN = "pin";
    public static final String AFFINITY = "affinity";
    public static final String CURRENT_CPU = "currentCpu";
    public static final String MEMORY_LOCK = "memory.lock";
    public static final String CLOCK_RAW = "clock.monotonicRaw";
    public static final String CLOCK_RESOLUTION = "clock.resolution";
    public static final String CYCLES = "counters.cycles";
    public static final String INSTRUCTIONS = "counters.instructions";
    public static final String CONTEXT_SWITCHES = "counters.contextSwitches";
    /** Voluntary and involuntary switches, which /proc always provides. */
    public static final String SWITCHES = "counters.switches";
    public static final String BLOCK_DEVICES = "devices.block";
    public static final String NET_DEVICES = "devices.net";

    private Features() {
    }

    /** A probed call: its support and {@code detail} when the probe answered, else unsupported and the reason. */
    public static Feature probed(String name, Outcome<?> probe, String detail) {
        return probe.isSupported() ? new Feature(name, probe.support(), detail)
                : new Feature(name, Support.UNSUPPORTED, probe.reason());
    }

    public static Feature unsupported(String name, String reason) {
        return new Feature(name, Support.UNSUPPORTED, reason);
    }

    /** {@code base} in its order, with each entry {@code replacements} names replaced. */
    public static List<Feature> replace(List<Feature> base, List<Feature> replacements) {
        Map<String, Feature> byName = new LinkedHashMap<>();
        base.forEach(f -> byName.put(f.name(), f));
        for (Feature f : replacements) {
            if (byName.replace(f.name(), f) == null) {
                throw new IllegalArgumentException("no feature '" + f.name() + "' to replace in " + byName.keySet());
            }
        }
        return List.copyOf(byName.values());
    }

    /** "Linux 6.1.0 amd64": the operating system as the JVM reports it. */
    public static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }
}
