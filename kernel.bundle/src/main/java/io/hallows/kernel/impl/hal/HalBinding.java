package io.hallows.kernel.impl.hal;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The kernel's view of the HAL service: it pins the kernel's worker threads to their partition's
 * cpus, and tells which cpus partitions may use. The kernel starts before the HAL bundle (its
 * hooks must be first), so threads may start before a HAL exists: every worker records its thread
 * id when it starts, and when a HAL arrives the kernel pins the workers already running.
 *
 * <p>Only a HAL registered under the protected name {@value Hal#SERVICE_NAME} by one of the
 * stack's own bundles is used: a later bundle cannot offer the kernel a HAL of its own. Without a
 * HAL the kernel still runs: new workers are not pinned ({@code hallows:cores} says so), and the
 * online cpus come from sysfs or, failing that, the processors the JVM sees.
 */
public final class HalBinding implements AutoCloseable {
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final String FILTER = "(&(" + Constants.OBJECTCLASS + "=" + Hal.class.getName() + ")("
            + KernelConstants.PROTECTED + "=" + Hal.SERVICE_NAME + "))";

    private final AuditJournal audit;
    private final ServiceTracker<Hal, Hal> tracker;
    private final CopyOnWriteArrayList<Consumer<Hal>> arrivals = new CopyOnWriteArrayList<>();
    private volatile Hal current;

    public HalBinding(BundleContext context, AuditJournal audit, Predicate<Bundle> infrastructure) {
        this.audit = audit;
        try {
            this.tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(FILTER), null) {
                @Override
                public Hal addingService(ServiceReference<Hal> reference) {
                    if (!infrastructure.test(reference.getBundle())) {
                        audit.record("kernel", "deny", String.valueOf(reference.getBundle()), "offer the kernel a HAL: not a bundle of the stack");
                        return null;
                    }
                    Hal hal = super.addingService(reference);
                    if (hal != null) {
                        current = hal; // a stack has one HAL bundle; a replacement takes over
                        audit.record("kernel", "hal.bound", "hal", hal.platform());
                        arrivals.forEach(action -> action.accept(hal));
                    }
                    return hal;
                }

                @Override
                public void removedService(ServiceReference<Hal> reference, Hal hal) {
                    super.removedService(reference, hal);
                    current = getService();
                    audit.record("kernel", "hal.gone", "hal", current == null
                            ? "the HAL left: workers keep their affinity, new ones start unpinned" : "the HAL changed");
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public void open() {
        tracker.open();
    }

    /** Runs {@code action} with the HAL each time one arrives from now on (to pin what already runs). */
    public void onArrival(Consumer<Hal> action) {
        arrivals.add(action);
    }

    public Optional<Hal> hal() {
        return Optional.ofNullable(current);
    }

    /** The cpus online now: from the HAL's topology, else sysfs, else the processors the JVM sees. */
    public CpuSet online() {
        Hal hal = current;
        if (hal != null) {
            return hal.topology().online();
        }
        try {
            return CpuSet.parse(Files.readString(ONLINE).trim());
        } catch (IOException | IllegalArgumentException e) {
            return CpuSet.first(Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The cpus this process may run on (a cgroup cpuset or {@code taskset} narrows them), from the
     * main thread's affinity, which the kernel never pins; empty when unknown.
     */
    public CpuSet allowed() {
        Hal hal = current;
        if (hal == null) {
            return CpuSet.empty();
        }
        try {
            return hal.affinity(ProcessHandle.current().pid()).orElse(CpuSet.empty());
        } catch (IllegalArgumentException e) {
            return CpuSet.empty();
        }
    }

    /**
     * The calling thread's kernel thread id, or -1 where it cannot be known. Read without the HAL
     * (from {@code /proc/thread-self}) because a worker must record it even when no HAL is there yet.
     */
    public static long currentThreadId() {
        try {
            String link = Files.readSymbolicLink(THREAD_SELF).toString(); // "<pid>/task/<tid>"
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return -1;
        }
    }

    /** Pins the calling thread; the outcome says what it is bound to, or why it is not. Never throws. */
    public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
        Hal hal = current;
        if (hal == null) {
            return Outcome.unsupported("no HAL service (hal.bundle is not running)");
        }
        try {
            return hal.pin(cpus);
        } catch (RuntimeException e) { // a cpu went offline since the partition was declared, or a faulty HAL
            return Outcome.unsupported("pinning failed: " + e.getMessage());
        }
    }

    /** Pins thread {@code tid} of this process. Never throws. */
    public static Outcome<CpuSet> pin(Hal hal, long tid, CpuSet cpus) {
        if (tid < 0) {
            return Outcome.unsupported("the thread id of this worker is unknown on this system");
        }
        try {
            return hal.pin(tid, cpus);
        } catch (RuntimeException e) { // the thread ended meanwhile, a cpu went offline, or a faulty HAL
            return Outcome.unsupported("pinning failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        tracker.close();
        current = null;
    }
}
