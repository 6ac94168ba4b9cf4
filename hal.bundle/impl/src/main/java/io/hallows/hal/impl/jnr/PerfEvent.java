package io.hallows.hal.impl.jnr;

import io.hallows.hal.impl.portable.Features;
import io.hallows.hal.impl.sysfs.SysfsFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The perf events a thread's counters open, each described by a {@code perf_event_attr} of
 * PERF_ATTR_SIZE_VER0 (64 bytes): type @0, size @4, config @8, then sample_period, sample_type
 * and read_format left 0 (counting, one value per read), and the flag bits @40.
 */
enum PerfEvent {
    /** User-mode cycles: allowed at perf_event_paranoid 2 without privileges. */
    CYCLES(Features.CYCLES, "PERF_COUNT_HW_CPU_CYCLES in user mode", Type.HARDWARE, 0,
            Flag.EXCLUDE_KERNEL | Flag.EXCLUDE_HV),
    /** User-mode instructions retired. */
    INSTRUCTIONS(Features.INSTRUCTIONS, "PERF_COUNT_HW_INSTRUCTIONS in user mode", Type.HARDWARE, 1,
            Flag.EXCLUDE_KERNEL | Flag.EXCLUDE_HV),
    /**
     * The kernel counts a switch in kernel mode, so excluding the kernel would count 0 (measured):
     * only the hypervisor is excluded. Without privileges this needs perf_event_paranoid 1 or lower.
     */
    CONTEXT_SWITCHES(Features.CONTEXT_SWITCHES, "PERF_COUNT_SW_CONTEXT_SWITCHES, kernel included", Type.SOFTWARE, 3,
            Flag.EXCLUDE_HV);

    static final int ATTR_SIZE = 64;
    private static final Path PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");

    private final String feature;
    private final String event;
    private final int type;
    private final long config;
    private final long flags;

    PerfEvent(String feature, String event, int type, long config, long flags) {
        this.feature = feature;
        this.event = event;
        this.type = type;
        this.config = config;
        this.flags = flags;
    }

    /** The name under which {@code features()} lists this counter. */
    String feature() {
        return feature;
    }

    /** The event as {@code features()} details it. */
    String event() {
        return event;
    }

    byte[] attr() {
        ByteBuffer attr = ByteBuffer.allocate(ATTR_SIZE).order(ByteOrder.nativeOrder());
        attr.putInt(0, type).putInt(4, ATTR_SIZE).putLong(8, config).putLong(40, flags);
        return attr.array();
    }

    /** Why perf_event_open failed for this event, with what to do when there is something to do. */
    String failure(int errno) {
        String paranoid = "perf_event_paranoid is " + SysfsFiles.text(PARANOID).orElse("unknown")
                + ": lower it (sysctl kernel.perf_event_paranoid) or grant CAP_PERFMON";
        String hint = switch (errno) {
            case Errno.ENOENT -> type == Type.HARDWARE ? "no such hardware event: no PMU in this VM?"
                    : "this kernel does not know the event";
            case Errno.EACCES, Errno.EPERM -> paranoid;
            case Errno.ENOSYS -> "no perf events in this kernel (CONFIG_PERF_EVENTS), or a seccomp policy forbids them";
            case 95 -> "the PMU cannot count this event with these exclusions";
            default -> null;
        };
        return Errno.failure("perf_event_open(2)", errno, hint);
    }

    private static final class Type {
        static final int HARDWARE = 0;
        static final int SOFTWARE = 1;
    }

    private static final class Flag {
        static final long EXCLUDE_KERNEL = 1L << 5;
        static final long EXCLUDE_HV = 1L << 6;
    }
}
