package io.hallows.db.olap.api;

import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The OLAP database: columnar tables on Apache Arrow, SQL planned by Apache Calcite and run by
 * vectorized operators. An {@link SqlEngine} under the database name {@value #DATABASE_NAME}.
 */
@ProviderType
public interface OlapDatabase extends SqlEngine {
    /** The name the kernel protects this service under: holders of {@code service:db.olap CALL} see it. */
    String SERVICE_NAME = "db.olap";

    /** The database name clients ask for (the {@value SqlEngine#DATABASE} service property). */
    String DATABASE_NAME = "olap";

    /**
     * Runs one query and hands its result over as Arrow record batches: call
     * {@link ArrowReader#loadNextBatch()} until it returns false, reading
     * {@link ArrowReader#getVectorSchemaRoot()} after each. The batches live in the engine's memory
     * (counted against its limit) until the reader is closed: close it.
     *
     * @throws SqlException on a bad statement (SQLSTATE and position as PostgreSQL would give), a
     *     query over the memory limit ({@code 53200}) or a cancelled one ({@code 57014})
     */
    ArrowReader query(String sql);

    /** The tables, by name. */
    List<String> tables();
}
