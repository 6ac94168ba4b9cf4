package io.hallows.admin;

import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.Schedulers;
import java.io.IOException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the admin API while the kernel's {@link Schedulers} and {@link Partitions} are visible to
 * this bundle. Both are protected services: they appear once the stack grants this bundle
 * {@code service:kernel.schedulers} and {@code service:kernel.partitions} (CALL), and vanish when
 * those capabilities are revoked. The references are static and mandatory, so the server starts
 * when both are there and stops when either goes; which partitions it may act on is decided by
 * the bundle's {@code partition:<name>} capabilities, per call, in the kernel.
 */
@Component(service = {}, immediate = true)
public final class AdminComponent {
    private final AdminServer server;

    @Activate
    public AdminComponent(@Reference(name = "schedulers") Schedulers schedulers,
            @Reference(name = "partitions") Partitions partitions, BundleContext context)
            throws IOException {
        AdminConfig config;
        try {
            config = AdminConfig.from(context::getProperty);
            server = AdminServer.start(config, schedulers, partitions);
        } catch (IOException | RuntimeException e) {
            // SCR logs a failed activation where operators rarely look: say it on the console too.
            System.err.println("hallows: admin API not started: " + e.getMessage());
            throw e;
        }
        System.out.println("hallows: admin API on " + server.url() + " (token in " + config.tokenFile() + ")");
    }

    @Deactivate
    void stop() {
        server.close();
    }
}
