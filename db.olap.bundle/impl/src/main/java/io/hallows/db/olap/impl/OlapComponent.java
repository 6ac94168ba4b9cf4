package io.hallows.db.olap.impl;

import io.hallows.db.olap.api.OlapDatabase;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.sql.OlapEngine;
import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.kernel.api.DataArea;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.sql.api.SqlEngine;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Opens the OLAP database when this bundle holds its partition's executor and the stack's data
 * area (protected services the stack grants to the olap partition): maps the table files of
 * {@code <data area>/olap/}, makes the root allocator with the configured memory limit, and
 * registers the database as the protected service {@value OlapDatabase#SERVICE_NAME} (bundles
 * holding {@code service:db.olap CALL}, such as the PostgreSQL wire server, see it, and so do the
 * shell commands of this bundle). A change of configuration reopens it (mapping the files again is quick).
 */
@Component(service = {}, immediate = true, configurationPid = OlapConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class OlapComponent {
    /** The OLTP database, read by INSERT … SELECT; it may come and go. */
    private volatile SqlEngine oltp;
    private final BufferAllocator root;
    private final OlapEngine engine;
    private final TableStore store;
    private final ServiceRegistration<?> registration;
    private final Logger log;

    @Activate
    public OlapComponent(@Reference(name = "executor") PartitionExecutor executor,
            @Reference(name = "data") DataArea data,
            @Reference(name = "log", service = LoggerFactory.class) Logger log,
            Map<String, Object> properties, BundleContext context) throws Exception {
        this.log = log;
        OlapConfig config;
        Path directory;
        BufferAllocator allocator = null;
        try {
            config = OlapConfig.from(properties);
            directory = data.directory(config.directory());
            QueryEngine queries = queryEngine(); // first: nothing to undo when it is missing
            allocator = new RootAllocator(config.memoryLimit());
            store = TableStore.open(directory, allocator, problem -> log.error("OLAP table offline: {}", problem));
            root = allocator;
            engine = new OlapEngine(store, queries, root, executor, config.parallelism(), config.maxSessions(), () -> oltp);
            Object copyDirectory = properties.get("copyDirectory");
            if (copyDirectory != null && !copyDirectory.toString().isBlank()) {
                engine.allowCopyFrom(Path.of(copyDirectory.toString().trim()));
            }
        } catch (Exception | Error e) {
            if (allocator != null) {
                try {
                    allocator.close();
                } catch (IllegalStateException held) {
                    e.addSuppressed(held);
                }
            }
            // SCR reports a failed activation at DEBUG at best: the operator must see this one.
            log.error("OLAP database not started: {}", e.toString(), e);
            throw e;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, OlapDatabase.SERVICE_NAME);
        props.put(SqlEngine.DATABASE, OlapDatabase.DATABASE_NAME);
        registration = context.registerService(new String[] {OlapDatabase.class.getName(), SqlEngine.class.getName()}, engine, props);
        log.info("OLAP database '{}' open in {} ({} tables, memory limit {} MiB, partition '{}')", OlapDatabase.DATABASE_NAME,
                directory, engine.tables().size(), config.memoryLimit() >> 20, executor.partition());
    }

    /** The vectorized engine (Calcite planning, Arrow operators). */
    static QueryEngine queryEngine() {
        return new io.hallows.db.olap.impl.engine.VectorEngine();
    }

    @Reference(name = "oltp", service = SqlEngine.class, target = "(hallows.sql.database=hallows)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindOltp")
    void bindOltp(SqlEngine engine) {
        oltp = engine;
    }

    void unbindOltp(SqlEngine engine) {
        if (oltp == engine) {
            oltp = null;
        }
    }

    @Deactivate
    void stop() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping: the registration went with the bundle
        }
        store.close();
        try {
            root.close();
        } catch (IllegalStateException stillHeld) {
            // a query still running as the bundle stops: its memory goes with the JVM's
            log.warn("OLAP database stopped with memory still allocated: {}", stillHeld.getMessage());
        }
    }
}
