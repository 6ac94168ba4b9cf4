package io.hallows.messaging.impl.shell;

import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code log:} commands, registered as soon as this bundle starts and handed on to the
 * broker's {@link MessagingCommands} once it is open: a script's first {@code log:create} right
 * after the stack's ready line waits for the broker (which recovers its topics first) instead of
 * failing with "Command not found". Ranked above the logging bundle's {@code log:tail}: Gogo runs
 * one command per name, and this one hands the log-entry forms on to {@code log:entries}.
 */
@Component(service = LogShell.class, property = {"osgi.command.scope=log", "osgi.command.function=topics",
    "osgi.command.function=create", "osgi.command.function=describe", "osgi.command.function=tail",
    "osgi.command.function=groups", "service.ranking:Integer=10"})
public final class LogShell {
    private static final long START_WAIT_SECONDS = 120;
    private final Object arrival = new Object();
    private volatile MessagingCommands commands;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbind")
    void bind(MessagingCommands opened) {
        synchronized (arrival) {
            commands = opened;
            arrival.notifyAll();
        }
    }

    void unbind(MessagingCommands closed) {
        synchronized (arrival) {
            if (commands == closed) {
                commands = null;
            }
        }
    }

    /** The broker's commands, waiting while it opens (recovery after a crash can take a while). */
    private MessagingCommands commands() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_SECONDS);
        synchronized (arrival) {
            while (commands == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the messaging log did not start within " + START_WAIT_SECONDS
                            + " s: see log:entries 20 WARN io.hallows.messaging for why");
                }
                TimeUnit.NANOSECONDS.timedWait(arrival, left);
            }
            return commands;
        }
    }

    @Descriptor("list the topics: partitions, records, bytes, flush and retention")
    public String topics() throws InterruptedException {
        return commands().topics();
    }

    @Descriptor("create a topic with the default number of partitions and settings")
    public String create(@Descriptor("topic name") String topic) throws InterruptedException {
        return commands().create(topic);
    }

    @Descriptor("create a topic with the default settings")
    public String create(@Descriptor("topic name") String topic, @Descriptor("number of partitions") int partitions)
            throws InterruptedException {
        return commands().create(topic, partitions);
    }

    @Descriptor("create a topic with settings, e.g. flush=os retention.ms=60000")
    public String create(@Descriptor("topic name") String topic, @Descriptor("number of partitions") int partitions,
            @Descriptor("settings as name=value") String... options) throws InterruptedException {
        return commands().create(topic, partitions, options);
    }

    @Descriptor("show a topic's settings and, per partition, its offsets, segments and bytes")
    public String describe(@Descriptor("topic name") String topic) throws InterruptedException {
        return commands().describe(topic);
    }

    @Descriptor("show the last records of a topic (log:tail <topic> [n]), or the last log entries (log:tail [n] [level] [logger])")
    public Object tail(CommandSession session,
            @Descriptor("a topic and how many records per partition (default 10), or the log-entry forms of log:entries") String... words)
            throws Exception {
        if (MessagingCommands.isLogEntries(words)) {
            return MessagingCommands.logEntries(session, words); // needs no broker
        }
        return commands().tail(session, words);
    }

    @Descriptor("list the consumer groups: state, protocol, members, and per partition the committed offset and the lag")
    public String groups() throws InterruptedException {
        return commands().groups();
    }
}
