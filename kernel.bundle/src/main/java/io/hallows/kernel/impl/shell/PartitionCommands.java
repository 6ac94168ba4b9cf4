package io.hallows.kernel.impl.shell;

import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.impl.ConfigValues;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.partition.PartitionManager;
import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.component.ComponentContext;

/** Operator commands on partitions, in the Gogo scope {@code hallows}. */
@Component(service = PartitionCommands.class, scope = ServiceScope.BUNDLE, property = {
    "osgi.command.scope=hallows",
    "osgi.command.function=partitions", "osgi.command.function=partition", "osgi.command.function=restart",
    "osgi.command.function=quarantine", "osgi.command.function=stop", "osgi.command.function=release", "osgi.command.function=await",
    "osgi.command.function=configure"})
public final class PartitionCommands {
    private final Kernel kernel;
    private final PartitionManager partitions;
    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;

    @Activate
    public PartitionCommands(@Reference(target = Kernel.TARGET) Kernel kernel,
            @Reference ConfigurationAdmin configAdmin, ComponentContext context) {
        ShellAccess.check(kernel, context);
        this.kernel = kernel;
        this.partitions = kernel.partitions();
        this.configAdmin = configAdmin;
        this.context = context.getBundleContext();
    }

    @Descriptor("list partitions with their state, cpus, scheduler and restarts")
    public String partitions() {
        Table table = new Table("NAME", "STATE", "CPUS", "SCHEDULER", "BUNDLES", "RESTARTS", "LAST FAULT");
        List<PartitionStatus> list = partitions.list();
        for (PartitionStatus p : list) {
            table.row(p.name(), p.state().label(), p.cpus() + (p.exclusive() ? "" : " (shared)"), p.scheduler(),
                    p.bundles().size(), p.restarts() + "/" + p.restartPolicy().maxRestarts(), p.lastFault());
        }
        StringBuilder out = new StringBuilder(table.isEmpty() ? "no partitions are configured\n" : table.toString());
        partitions.rejectedDeclarations().forEach((pid, error) -> out.append("rejected ").append(pid).append(": ").append(error).append('\n'));
        SchedulerWarnings.of(list, kernel.schedulers().installed(), context)
                .forEach(warning -> out.append("warning: ").append(warning).append('\n'));
        return out.toString();
    }

    @Descriptor("show one partition in detail")
    public String partition(@Descriptor("partition name") String name) {
        PartitionStatus p = partitions.status(name).orElseThrow(() -> unknown(name));
        return Table.fields("name", p.name(), "state", p.state().label() + " since " + p.since(), "cpus", p.cpus(),
                "exclusive", p.exclusive(), "scheduler", p.scheduler(), "restart policy", p.restartPolicy(),
                "restarts", p.restarts() + " in window, " + p.totalRestarts() + " in all",
                "last fault", p.lastFault() == null ? null : p.lastFault() + " (" + p.lastFaultTime() + ")",
                "bundle patterns", p.bundlePatterns(), "bundles", p.bundles(), "grants", p.grants(),
                "rejected change", p.rejected());
    }

    @Descriptor("stop and start a partition's bundles now")
    public String restart(@Descriptor("partition name") String name) {
        partitions.restart(name);
        return "partition '" + name + "' restarted: " + state(name);
    }

    @Descriptor("stop a partition's bundles and hold it until released")
    public String quarantine(@Descriptor("partition name") String name) {
        partitions.quarantine(name);
        return "partition '" + name + "' quarantined";
    }

    @Descriptor("stop a partition's bundles and hold it stopped until released")
    public String stop(@Descriptor("partition name") String name) {
        partitions.stop(name);
        return "partition '" + name + "' stopped";
    }

    @Descriptor("take a partition out of quarantine (or stopped) and start it")
    public String release(@Descriptor("partition name") String name) {
        partitions.release(name);
        return "partition '" + name + "' released: " + state(name);
    }

    @Descriptor("wait until a partition reaches a state; fails after the timeout")
    public String await(@Descriptor("partition name") String name,
            @Descriptor("declared, starting, running, restarting, quarantined or stopped") String state,
            @Descriptor("timeout in milliseconds") long timeoutMillis) throws InterruptedException {
        PartitionState wanted;
        try {
            wanted = PartitionState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state '" + state + "' (states: declared, starting, running, restarting, quarantined, stopped)");
        }
        if (!partitions.await(name, wanted, Duration.ofMillis(timeoutMillis))) {
            throw new IllegalStateException("partition '" + name + "' did not reach " + wanted.label() + " within "
                    + timeoutMillis + " ms (it is " + state(name) + ")");
        }
        return "partition '" + name + "' is " + wanted.label();
    }

    @Descriptor("change a partition's configuration in ConfigAdmin; rejected changes leave it as it was")
    public String configure(@Descriptor("partition name") String name,
            @Descriptor("field=value, e.g. cpus=1 restart.maxRestarts=5 bundles=a.*,b") String... changes)
            throws IOException, InvalidSyntaxException, InterruptedException {
        String pid = partitions.pidOf(name).orElseThrow(() -> unknown(name));
        Configuration config = stored(name, pid);
        Dictionary<String, Object> before = config.getProperties();
        Hashtable<String, Object> after = new Hashtable<>();
        for (String key : java.util.Collections.list(before.keys())) {
            after.put(key, before.get(key));
        }
        for (String change : changes) {
            int eq = change.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + change + "' is not field=value");
            }
            String field = change.substring(0, eq).trim();
            String value = change.substring(eq + 1).trim();
            after.put(field, field.equals("bundles") || field.equals("grants") ? value.split("\\s*,\\s*") : value);
        }
        String token = UUID.randomUUID().toString();
        after.put(PartitionManager.CHANGE_TOKEN, token);
        config.update(after);
        String rejection;
        try {
            rejection = partitions.verdictOf(token).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            config.update(before); // never leave ConfigAdmin holding a change nobody decided on
            throw new IllegalStateException("no verdict on the change of partition '" + name + "' within 30 s;"
                    + " the previous configuration is restored in ConfigAdmin", e);
        } finally {
            partitions.forgetVerdict(token);
        }
        if (rejection != null) {
            config.update(before); // keep ConfigAdmin in step with the configuration still in force
            throw new IllegalArgumentException(rejection + " — change rejected, the previous configuration stays in force");
        }
        after.remove(PartitionManager.CHANGE_TOKEN); // the token only correlated this change with its verdict
        config.update(after);
        return "partition '" + name + "': configuration accepted";
    }

    /**
     * The partition's configuration in ConfigAdmin. A partition from the stack file the kernel
     * applied itself has none until its first change: it is created here from the stack's properties.
     */
    private Configuration stored(String name, String pid) throws IOException, InvalidSyntaxException {
        Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
        if (found != null) {
            return found[0];
        }
        Map<String, Object> fromStack = partitions.stackProperties(pid).orElseThrow(() -> new IllegalStateException(
                "partition '" + name + "' has no configuration " + pid + " in ConfigAdmin"));
        Configuration created = ConfigValues.configuration(configAdmin, pid);
        created.update(new Hashtable<>(fromStack)); // the configuration in force: the kernel takes it as no change
        return created;
    }

    private String state(String name) {
        return partitions.status(name).map(s -> s.state().label()).orElse("gone");
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("no partition '" + name + "'");
    }
}
