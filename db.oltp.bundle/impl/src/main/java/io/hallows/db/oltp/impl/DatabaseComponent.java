package io.hallows.db.oltp.impl;

import io.hallows.db.oltp.api.Database;
import io.hallows.kernel.api.DataArea;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.sql.api.SqlEngine;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
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
 * Opens the database when this bundle holds its partition's executor and the stack's data area
 * (both protected services: the stack grants them to the db partition), recovers it, and
 * registers it as the protected service {@value Database#SERVICE_NAME}: bundles that hold
 * {@code service:db.oltp CALL} (the PostgreSQL wire server, Basilisk, Parseltongue) see it, no
 * other. A change of configuration reopens it (a recovery, quick after a checkpoint).
 */
@Component(service = {}, immediate = true, configurationPid = DatabaseConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DatabaseComponent {
    private final OltpDatabase database;
    private final ServiceRegistration<?> registration;

    @Activate
    public DatabaseComponent(@Reference(name = "executor") PartitionExecutor executor,
            @Reference(name = "data") DataArea data,
            @Reference(name = "log", service = LoggerFactory.class) Logger log,
            Map<String, Object> properties, BundleContext context) throws Exception {
        DatabaseConfig config;
        Path directory;
        try {
            config = DatabaseConfig.from(properties);
            directory = data.directory(config.directory());
            database = OltpDatabase.open(directory, config, executor, log);
        } catch (Exception | Error e) {
            // SCR reports a failed activation at DEBUG at best: the operator must see this one.
            log.error("OLTP database not started: {}", e.toString(), e);
            throw e;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, Database.SERVICE_NAME);
        props.put(SqlEngine.DATABASE, Database.DATABASE_NAME);
        registration = context.registerService(new String[] {Database.class.getName(), SqlEngine.class.getName()}, database, props);
        log.info("OLTP database '{}' open in {} (partition '{}')", Database.DATABASE_NAME, directory, executor.partition());
    }

    @Deactivate
    void stop() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping: the registration went with the bundle
        } finally {
            database.close();
        }
    }
}
