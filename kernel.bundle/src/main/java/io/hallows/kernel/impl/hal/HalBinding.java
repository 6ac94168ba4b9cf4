package io.hallows.kernel.impl.hal;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The kernel's view of the HAL service: it pins the kernel's worker threads to their partition's
 * cpus, and tells which cpus are online. The kernel starts before the HAL bundle (its hooks must
 * be first), so threads may start before a HAL exists: every worker records its thread id when it
 * starts, and when a HAL arrives the kernel pins the workers already running through it.
 *
 * <p>Without a HAL the kernel still runs: workers are not pinned (and {@code hallows:cores} says
 * so), and the online cpus come from sysfs or, failing that, the processors the JVM sees.
 */
public final class HalBinding implements AutoCloseable {
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private final AuditJournal audit;
    private final ServiceTracker<Hal, Hal> tracker;
    private final CopyOnWriteArrayList<Consumer<Hal>> arrivals = new CopyOnWriteArrayList<>();
    private volatile Hal current;

    public HalBinding(BundleContext context, AuditJournal audit) {
        this.audit = audit;
        this.tracker = new ServiceTracker<>(context, Hal.class, null) {
            @Override
            public Hal addingService(ServiceReference<Hal> reference) {
                Hal hal = super.addingService(reference);
                if (hal != null) {
                    arrived(hal);
                }
                return hal;
            }

            @Override
            public void removedService(ServiceReference<Hal> reference, Hal hal) {
                super.removedService(reference, hal);
                current = getService();
                audit.record("kernel", "hal.gone", "hal", current == null ? "the HAL left: new workers are not pinned" : "the HAL changed");
            }
        };
    }

    /** A binding with a fixed HAL (or none), for tests and benchmarks outside a framework. */
    public HalBinding(Hal hal, AuditJournal audit) {
        this.audit = audit;
        this.tracker = null;
        this.current = hal;
    }

    public void open() {
        if (tracker != null) {
            tracker.open();
        }
    }

    /** Runs {@code action} with each HAL that arrives from now on (pins what runs already). */
    public void onArrival(Consumer<Hal> action) {
        arrivals.add(action);
    }

    private void arrived(Hal hal) {
        current = hal;
        audit.record("kernel", "hal.bound", "hal", hal.platform());
        for (Consumer<Hal> action : arrivals) {
            action.accept(hal);
        }
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

    /** Pins the calling thread; the outcome says what it is bound to, or why it is not. */
    public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
        Hal hal = current;
        return hal == null ? Outcome.unsupported("no HAL service (hal.bundle is not running)") : hal.pin(cpus);
    }

    /** Pins thread {@code tid} of this process. */
    public static Outcome<CpuSet> pin(Hal hal, long tid, CpuSet cpus) {
        if (tid < 0) {
            return Outcome.unsupported("the thread id of this worker is unknown on this system");
        }
        try {
            return hal.pin(tid, cpus);
        } catch (IllegalArgumentException e) { // the thread ended meanwhile, or a cpu went offline
            return Outcome.unsupported(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
        current = null;
    }
}
