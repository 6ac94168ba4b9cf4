package io.hallows.kernel.impl.shell;

import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.scheduler.RunningTask;
import io.hallows.kernel.impl.scheduler.SchedulerManager;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Operator commands on the tasks a partition runs now, in the Gogo scope {@code hallows}: which
 * tasks its workers are in, and killing a runaway one without touching the rest of the partition
 * or any other partition.
 */
@Component(service = TaskCommands.class, scope = ServiceScope.BUNDLE, property = {
    "osgi.command.scope=hallows", "osgi.command.function=tasks", "osgi.command.function=kill"})
public final class TaskCommands {
    private final SchedulerManager schedulers;

    @Activate
    public TaskCommands(@Reference(target = Kernel.TARGET) Kernel kernel, ComponentContext context) {
        ShellAccess.check(kernel, context);
        this.schedulers = kernel.schedulers();
    }

    @Descriptor("list the tasks a partition's workers run now: number, key, how long, worker, state, submitter")
    public String tasks(@Descriptor("partition name") String partition) {
        List<RunningTask> running = schedulers.running(partition);
        if (running.isEmpty()) {
            return "partition '" + partition + "' runs no task now\n";
        }
        Table table = new Table("TASK", "KEY", "RUNNING", "STATE", "WORKER", "SUBMITTER");
        for (RunningTask t : running) {
            table.row("#" + t.number(), t.key(), t.runningMillis() + " ms", t.state(), t.worker(),
                    t.submitter() == null ? "the kernel" : t.submitter());
        }
        return table.toString();
    }

    @Descriptor("interrupt a running task; if it has not returned a second later, give its worker up, replace it and release the task's caller")
    public String kill(@Descriptor("partition name") String partition,
            @Descriptor("task number, as hallows:tasks shows it (12 or \"#12\")") String task) {
        String digits = task.startsWith("#") ? task.substring(1) : task;
        long number;
        try {
            number = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + task + "' is not a task number (hallows:tasks " + partition + " lists them)");
        }
        return schedulers.kill(partition, number, "the kernel shell") + "\n";
    }
}
