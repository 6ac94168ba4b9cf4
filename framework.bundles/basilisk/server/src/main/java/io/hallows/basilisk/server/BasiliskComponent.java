package io.hallows.basilisk.server;

import io.hallows.basilisk.api.RouteStats;
import io.hallows.basilisk.api.WebModule;
import io.hallows.basilisk.api.WebStatus;
import io.hallows.db.oltp.api.Database;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.vertx.api.PartitionVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Runs the Basilisk server on this bundle's partition (its Vert.x is made on the partition's
 * executor: event loops are the partition's threads, routes run as the partition's tasks), serves
 * every {@link WebModule} service as revisions come and go, and publishes {@link WebStatus}.
 * The OLTP database is optional: without it (or before it is there) streams send once and are
 * not told of commits. Settings come from framework properties ({@link BasiliskConfig}).
 */
@Component(service = WebStatus.class, immediate = true)
public final class BasiliskComponent implements WebStatus {
    /** The logger of the access log: one INFO line per request. */
    public static final String ACCESS_LOG = "io.hallows.basilisk.access";
    private static final long CLOSE_SECONDS = 10;
    private final Vertx vertx;
    private final BasiliskServer server;
    private volatile Database database;

    @Activate
    public BasiliskComponent(@Reference(name = "executor") PartitionExecutor executor,
            @Reference(name = "vertx") PartitionVertx partitionVertx,
            @Reference(name = "log", service = LoggerFactory.class) Logger log,
            @Reference(name = "loggers") LoggerFactory loggers,
            BundleContext context) {
        BasiliskConfig config;
        vertx = partitionVertx.create(executor, vertxOptions());
        try {
            config = BasiliskConfig.from(context::getProperty);
            server = BasiliskServer.start(config, vertx, executor, log, loggers.getLogger(ACCESS_LOG), this::watch);
        } catch (RuntimeException e) {
            // SCR reports a failed activation at DEBUG at best: the operator must see this one.
            log.error("Basilisk HTTP server not started: {}", e.getMessage(), e);
            vertx.close();
            throw e;
        }
        log.info("Basilisk HTTP server on {}:{} (partition '{}')", config.host(), server.port(), executor.partition());
    }

    static VertxOptions vertxOptions() {
        return new VertxOptions().setEventLoopPoolSize(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }

    private AutoCloseable watch(java.util.Set<String> tables, java.util.function.Consumer<java.util.Set<String>> changed) {
        Database db = database;
        return db == null ? () -> { } : db.watch(tables, changed);
    }

    @Reference(name = "database", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindDatabase")
    void bindDatabase(Database db) {
        database = db;
    }

    void unbindDatabase(Database db) {
        if (database == db) {
            database = null;
        }
    }

    @Reference(name = "modules", service = WebModule.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeModule")
    void addModule(WebModule module, Map<String, Object> properties) {
        server.add(module, serviceId(properties));
    }

    void removeModule(WebModule module, Map<String, Object> properties) {
        server.remove(module, serviceId(properties));
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.get(Constants.SERVICE_ID)).longValue();
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int connections() {
        return server.connections();
    }

    @Override
    public List<RouteStats> routes() {
        return server.routes();
    }

    @Deactivate
    void stop() throws Exception {
        try {
            server.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_SECONDS, TimeUnit.SECONDS);
        }
    }
}
