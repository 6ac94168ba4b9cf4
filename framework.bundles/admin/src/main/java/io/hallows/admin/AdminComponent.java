package io.hallows.admin;

import io.hallows.basilisk.api.WebStatus;
import io.hallows.kernel.api.AuditLog;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.Schedulers;
import io.hallows.vertx.api.PartitionVertx;
import io.vertx.core.Vertx;
import java.io.IOException;
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
 * Runs the admin API while the kernel's {@link Schedulers} and {@link Partitions} are visible to
 * this bundle. Both are protected services: they appear once the stack grants this bundle
 * {@code service:kernel.schedulers} and {@code service:kernel.partitions} (CALL), and vanish when
 * those capabilities are revoked. The references are static and mandatory, so the server starts
 * when both are there and stops when either goes; which partitions it may act on is decided by
 * the bundle's {@code partition:<name>} capabilities, per call, in the kernel.
 *
 * <p>It runs on its own partition (the one whose {@code bundles} pattern names this bundle): the
 * kernel grants a partition's bundles its executor, and the server's Vert.x is made on it, so the
 * event loop is the partition's thread and each request's kernel call is the partition's task.
 */
@Component(service = {}, immediate = true)
public final class AdminComponent {
    private static final long CLOSE_SECONDS = 10;
    private final Vertx vertx;
    private final AdminServer server;
    // Optional and dynamic: the Basilisk server comes and goes on its own partition.
    private volatile WebStatus web;

    @Activate
    public AdminComponent(@Reference(name = "schedulers") Schedulers schedulers,
            @Reference(name = "partitions") Partitions partitions,
            @Reference(name = "executor") PartitionExecutor executor,
            @Reference(name = "vertx") PartitionVertx partitionVertx,
            @Reference(name = "log", service = LoggerFactory.class) Logger log,
            @Reference(name = "audit", cardinality = ReferenceCardinality.OPTIONAL) AuditLog audit,
            BundleContext context) throws IOException {
        AdminConfig config;
        vertx = partitionVertx.create(executor, AdminServer.vertxOptions());
        try {
            config = AdminConfig.from(context::getProperty);
            server = AdminServer.start(config, vertx, schedulers, partitions, () -> web, log, audit);
        } catch (IOException | RuntimeException e) {
            // SCR reports a failed activation at DEBUG at best: the operator must see this one.
            log.error("admin API not started: {}", e.getMessage(), e);
            vertx.close();
            throw e;
        }
        log.info("admin API on {} (partition '{}', token in {})", server.url(), executor.partition(), config.tokenFile());
    }

    @Reference(name = "web", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindWeb")
    void bindWeb(WebStatus status) {
        web = status;
    }

    void unbindWeb(WebStatus status) {
        if (web == status) {
            web = null;
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
