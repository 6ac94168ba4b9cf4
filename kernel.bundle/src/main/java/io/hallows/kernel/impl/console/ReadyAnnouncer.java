package io.hallows.kernel.impl.console;

import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.impl.partition.PartitionManager;
import io.hallows.kernel.impl.shell.CapabilityCommands;
import io.hallows.kernel.impl.shell.PartitionCommands;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Prints {@code hallows: ready — <N> bundles, <M> partitions in <T> ms} once the framework has
 * started and every partition declared in ConfigAdmin has been decided and has settled (running,
 * restarting, quarantined or stopped). T is measured from the start of the JVM.
 */
@Component(service = ReadyAnnouncer.class, immediate = true, property = Kernel.INTERNAL + "=true")
public final class ReadyAnnouncer implements FrameworkListener {
    private static final KernelLogger LOG = KernelLog.of(ReadyAnnouncer.class);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

    private final PartitionManager partitions;
    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;
    private final AtomicBoolean announcing = new AtomicBoolean();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Thread waiter;

    private volatile String stackError;

    /** The shell commands are references only so that "ready" means the shell answers. */
    @Activate
    public ReadyAnnouncer(@Reference(target = Kernel.TARGET) Kernel kernel,
            @Reference ConfigurationAdmin configAdmin, @Reference PartitionCommands partitionCommands,
            @Reference CapabilityCommands capabilityCommands, BundleContext context) {
        this.partitions = kernel.partitions();
        this.configAdmin = configAdmin;
        this.context = context;
        context.addFrameworkListener(this);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            announceWhenSettled();
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            announceWhenSettled();
        }
    }

    /** Why the stack file could not be read, or null if it was read. */
    public String stackError() {
        return stackError;
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
            Set<String> pids = new TreeSet<>(declaredPartitions());
            try {
                pids.addAll(StackFile.partitionPids(context.getProperty(StackFile.PROPERTY)));
            } catch (IllegalArgumentException e) {
                stackError = e.getMessage();
                // Console output, not a log line: the operator must read what is wrong with the stack
                // file next to the ready line below, which tells them to fix it.
                System.err.println("hallows: " + e.getMessage());
            }
            boolean settled = partitions.awaitSettled(pids, SETTLE_LIMIT);
            long millis = ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
            // The ready line is the console's, for the operator (and run/hallows waits for it): not a log line.
            if (stackError != null) {
                System.out.println("hallows: started without a stack — " + context.getBundles().length + " bundles, "
                        + partitions.list().size() + " partitions in " + millis + " ms; fix the stack file and restart");
            } else {
                System.out.println("hallows: ready — " + context.getBundles().length + " bundles, " + partitions.list().size()
                        + " partitions in " + millis + " ms" + (settled ? "" : " (some partitions are still starting)"));
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
