package io.hallows.pgwire;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.sql.api.SqlEngine;
import io.hallows.vertx.api.PartitionVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Runs the PostgreSQL wire server on this bundle's partition (its Vert.x is made on the
 * partition's executor, so the event loops are the partition's threads) and serves every
 * {@link SqlEngine} service by its {@value SqlEngine#DATABASE} property, as engines come and go.
 * Settings come from framework properties ({@link PgWireConfig}).
 */
@Component(service = {}, immediate = true)
public final class PgWireComponent {
    private static final long CLOSE_SECONDS = 10;
    private final EngineDirectory engines = new EngineDirectory();
    private final Logger log;
    private final Vertx vertx;
    private final PgWireServer server;

    @Activate
    public PgWireComponent(@Reference(name = "executor") PartitionExecutor executor,
            @Reference(name = "vertx") PartitionVertx partitionVertx,
            @Reference(name = "log", service = LoggerFactory.class) Logger log,
            BundleContext context) throws IOException {
        this.log = log;
        PgWireConfig config;
        vertx = partitionVertx.create(executor, vertxOptions());
        try {
            config = PgWireConfig.from(context::getProperty);
            server = PgWireServer.start(config, vertx, engines, log);
        } catch (IOException | RuntimeException e) {
            // SCR reports a failed activation at DEBUG at best: the operator must see this one.
            log.error("PostgreSQL wire server not started: {}", e.getMessage(), e);
            vertx.close();
            throw e;
        }
        log.info("PostgreSQL wire server on {}:{} (auth {}, partition '{}')", config.host(), server.port(), config.auth().configName(),
                executor.partition());
    }

    /** One event loop per core of a small partition is plenty: a connection's work is mostly the engine's. */
    static VertxOptions vertxOptions() {
        return new VertxOptions().setEventLoopPoolSize(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }

    @Reference(name = "engines", service = SqlEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(SqlEngine engine, Map<String, Object> properties) {
        String database = EngineDirectory.databaseOf(properties);
        if (database == null) {
            log.warn("pgwire: an SQL engine without the {} property is not served", SqlEngine.DATABASE);
        } else if (!engines.add(database, engine)) {
            log.warn("pgwire: a second SQL engine for database '{}' is not served: the first one keeps the name", database);
        }
    }

    void removeEngine(SqlEngine engine, Map<String, Object> properties) {
        String database = EngineDirectory.databaseOf(properties);
        if (database != null) {
            engines.remove(database, engine);
        }
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
