package io.hallows.messaging.impl;

import io.hallows.kernel.api.DataArea;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.messaging.api.Messaging;
import io.hallows.messaging.impl.channel.LogMessaging;
import io.hallows.messaging.impl.group.GroupManager;
import io.hallows.messaging.impl.group.GroupSettings;
import io.hallows.messaging.impl.kafka.KafkaServer;
import io.hallows.messaging.impl.kafka.ServerSettings;
import io.hallows.messaging.impl.log.LogManager;
import io.hallows.messaging.impl.shell.MessagingCommands;
import io.hallows.vertx.api.PartitionVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Opens the broker when this bundle holds its partition's executor and the stack's data area (both
 * protected: the stack grants them to the log partition): the topics in
 * {@code <data area>/messaging/topics} (recovered), the groups' offsets in {@code .../groups}, the
 * Kafka protocol server on the partition's Vert.x, the protected service
 * {@value Messaging#SERVICE_NAME} for bundles of this JVM, and what the {@code log:} shell commands
 * ({@code LogShell}) act on.
 * A change of configuration reopens it (a recovery, quick after a clean close).
 */
@Component(service = {}, immediate = true, configurationPid = MessagingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MessagingComponent {
    private static final long CLOSE_SECONDS = 10;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final Logger log;

    @Activate
    public MessagingComponent(@Reference(name = "executor") PartitionExecutor executor,
            @Reference(name = "vertx") PartitionVertx partitionVertx,
            @Reference(name = "data") DataArea data,
            @Reference(name = "log", service = LoggerFactory.class) Logger log,
            Map<String, Object> properties, BundleContext context) throws Exception {
        this.log = log;
        try {
            MessagingConfig config = MessagingConfig.from(properties, context::getProperty);
            Path directory = data.directory("messaging");
            Vertx vertx = partitionVertx.create(executor, vertxOptions());
            opened.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_SECONDS, TimeUnit.SECONDS));
            LogManager logs = LogManager.open(directory.resolve("topics"), config.topicDefaults(), executor, log);
            opened.add(logs);
            GroupManager groups = GroupManager.open(directory.resolve("groups"), executor, vertx,
                    GroupSettings.DEFAULTS.withInitialRebalanceDelayMs(config.initialRebalanceDelayMs()), log);
            opened.add(groups);
            KafkaServer server = KafkaServer.start(serverSettings(config, ClusterId.in(directory)), vertx, logs, groups, log);
            opened.add(server::close);
            LogMessaging messaging = new LogMessaging(logs, groups, executor, vertx, log);
            long timer = vertx.setPeriodic(config.maintenanceIntervalMs(), id -> Maintenance.run(logs, log));
            opened.add(() -> vertx.cancelTimer(timer));
            register(context, messaging, new MessagingCommands(logs, groups));
            log.info("Messaging log on {}:{} (Kafka protocol), {} topics in {} (partition '{}')", config.host(), server.port(),
                    logs.topics().size(), directory, executor.partition());
        } catch (Exception | Error e) {
            // SCR reports a failed activation at DEBUG at best: the operator must see this one.
            log.error("Messaging log not started: {}", e.toString(), e);
            stop();
            throw e;
        }
    }

    private void register(BundleContext context, Messaging messaging, MessagingCommands commands) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, Messaging.SERVICE_NAME);
        registrations.add(context.registerService(Messaging.class, messaging, props));
        // For LogShell, the log: commands, which exist from this bundle's start and wait for this.
        registrations.add(context.registerService(MessagingCommands.class, commands, new Hashtable<>()));
    }

    private static ServerSettings serverSettings(MessagingConfig config, String clusterId) {
        return new ServerSettings(config.host(), config.port(), config.advertisedHost(), config.advertisedPort(), config.maxFrameBytes(),
                config.maxConnections(), config.autoCreateTopics(), config.defaultPartitions(), 0, clusterId);
    }

    /** Two event loops: a connection's work is mostly the log's, done as the partition's keyed tasks. */
    static VertxOptions vertxOptions() {
        return new VertxOptions().setEventLoopPoolSize(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }

    @Deactivate
    void stop() {
        for (ServiceRegistration<?> registration : registrations.reversed()) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping: the registration went with the bundle
            }
        }
        registrations.clear();
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Messaging log: closing {} failed: {}", closeable, e.toString(), e);
            }
        }
        opened.clear();
    }
}
