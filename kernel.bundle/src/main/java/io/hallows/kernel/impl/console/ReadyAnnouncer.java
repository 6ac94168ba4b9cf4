package io.hallows.kernel.impl.console;

import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.impl.partition.PartitionManager;
import io.hallows.kernel.impl.shell.CapabilityCommands;
import io.hallows.kernel.impl.shell.PartitionCommands;
import io.hallows.kernel.impl.shell.SchedulerWarnings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies the stack file ({@code hallows.stack}, see {@link StackApplier}) once the framework has
 * started, then prints {@code hallows: ready — <N> bundles, <M> partitions in <T> ms} once every
 * partition it or ConfigAdmin declares has been decided and has settled (running, restarting,
 * quarantined or stopped). T is measured from the start of the JVM.
 *
 * <p>A stack that booted only in part is not a success: each rejected declaration and each key the
 * file gives twice is printed as a {@code hallows: problem:} line before the ready line, which ends
 * with {@code — WARNING: <K> problem(s) in the stack file}; {@link #problems()} lets the console make
 * a script run's exit status non-zero. A partition whose scheduler filter matches no installed
 * policy gets a {@code hallows: warning:} line (it runs on fifo: not an error, but most often a typo).
 */
@Component(service = ReadyAnnouncer.class, immediate = true, property = Kernel.INTERNAL + "=true")
public final class ReadyAnnouncer implements FrameworkListener {
    private static final KernelLogger LOG = KernelLog.of(ReadyAnnouncer.class);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    /** Added to the settle limit per declared partition: a linear boot of 10,000 takes tens of seconds. */
    private static final Duration SETTLE_PER_PARTITION = Duration.ofMillis(10);

    private final PartitionManager partitions;
    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;
    private final AtomicBoolean announcing = new AtomicBoolean();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Thread waiter;

    private volatile String stackError;
    private volatile List<String> problems = List.of();

    /** The shell commands are references only so that "ready" means the shell answers. */
    private final Kernel kernel;

    @Activate
    public ReadyAnnouncer(@Reference(target = Kernel.TARGET) Kernel kernel,
            @Reference ConfigurationAdmin configAdmin, @Reference PartitionCommands partitionCommands,
            @Reference CapabilityCommands capabilityCommands, BundleContext context) {
        this.kernel = kernel;
        this.partitions = kernel.partitions();
        this.configAdmin = configAdmin;
        this.context = context;
        context.addFrameworkListener(this);
        if (context.getBundle(0).getState() == Bundle.ACTIVE && everyStartLevelReached()) {
            announceWhenSettled();
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if ((event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED)
                && everyStartLevelReached()) {
            announceWhenSettled();
        }
    }

    /**
     * Whether the framework has reached the start level of every bundle meant to start: the launcher
     * raises it step by step after STARTED, and the stack is applied only once every scheduling
     * policy and framework bundle has started (as the Configurator, started last, used to apply it).
     * A bundle installed but not meant to start does not hold the stack back.
     */
    private boolean everyStartLevelReached() {
        int highest = 0;
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.getBundleId() == 0 ? null : b.adapt(BundleStartLevel.class);
            if (level != null && level.isPersistentlyStarted()) {
                highest = Math.max(highest, level.getStartLevel());
            }
        }
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        return framework == null || framework.getStartLevel() >= highest;
    }

    /** Why the stack file could not be read, or null if it was read. */
    public String stackError() {
        return stackError;
    }

    /** What went wrong with the stack file (rejected declarations, duplicate keys); empty if nothing. */
    public List<String> problems() {
        return problems;
    }

    /** Waits until the ready line has been printed. @return false on timeout */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void announceWhenSettled() {
        if (!announcing.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::announce, "hallows-ready");
        t.setDaemon(true);
        waiter = t;
        t.start();
    }

    private void announce() {
        try {
            Set<String> pids = new LinkedHashSet<>();
            List<String> found = new ArrayList<>();
            try {
                pids.addAll(applyStack(found));
            } catch (IllegalArgumentException e) {
                stackError = e.getMessage();
                // Console output, not a log line: the operator must read what is wrong with the stack
                // file next to the ready line below, which tells them to fix it.
                System.err.println("hallows: " + e.getMessage());
            }
            pids.addAll(declaredPartitions());
            boolean settled = partitions.awaitSettled(pids, SETTLE_LIMIT.plus(SETTLE_PER_PARTITION.multipliedBy(pids.size())));
            Map<String, String> rejected = partitions.rejectedDeclarations();
            pids.stream().filter(rejected::containsKey).forEach(pid -> found.add("rejected " + pid + ": " + rejected.get(pid)));
            problems = List.copyOf(found);
            long millis = ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
            // The ready line and the lines before it are the console's, for the operator (and run/hallows
            // waits for the ready line): not log lines.
            found.forEach(problem -> System.err.println("hallows: problem: " + problem));
            SchedulerWarnings.of(partitions.list(), kernel.schedulers().installed(), context)
                    .forEach(warning -> System.err.println("hallows: warning: " + warning));
            System.err.flush();
            if (stackError != null) {
                System.out.println("hallows: started without a stack — " + context.getBundles().length + " bundles, "
                        + partitions.list().size() + " partitions in " + millis + " ms; fix the stack file and restart");
            } else {
                System.out.println("hallows: ready — " + context.getBundles().length + " bundles, " + partitions.list().size()
                        + " partitions in " + millis + " ms" + (settled ? "" : " (some partitions are still starting)")
                        + (found.isEmpty() ? "" : " — WARNING: " + found.size() + " problem(s) in the stack file, listed above"));
            }
            System.out.flush();
            ready.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.error("cannot read partition configurations; no ready line", e);
            ready.countDown();
        }
    }

    /**
     * Applies {@code hallows.stack}, or reads {@code configurator.initial} (which the Configurator
     * applies), adding each key given twice to {@code problems}. @return the partitions' pids
     */
    private List<String> applyStack(List<String> problems) throws IOException {
        boolean ours = context.getProperty(StackFile.PROPERTY) != null;
        String property = ours ? StackFile.PROPERTY : StackFile.CONFIGURATOR_PROPERTY;
        List<StackFile> files = StackFile.read(property, context.getProperty(property));
        files.forEach(f -> f.duplicates().forEach(d -> problems.add("stack " + f.name() + ": " + d)));
        if (ours) {
            return StackApplier.apply(files, partitions, configAdmin);
        }
        return files.stream().flatMap(f -> f.partitionPids().stream()).toList();
    }

    private List<String> declaredPartitions() throws IOException, InvalidSyntaxException {
        Configuration[] configs = configAdmin.listConfigurations("(service.factoryPid=" + KernelConstants.PARTITION_PID + ")");
        return configs == null ? List.of() : Arrays.stream(configs).map(Configuration::getPid).toList();
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
        Thread t = waiter;
        if (t != null) {
            t.interrupt();
        }
    }
}
