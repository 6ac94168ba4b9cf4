package io.hallows.sql.api;

import java.util.Map;

/**
 * An engine that serves SQL sessions under a database name. The PostgreSQL wire server routes a
 * client to the engine whose {@value #DATABASE} property equals the database the client asks for.
 */
public interface SqlEngine {
    /** Service property: the database name clients ask for (e.g. {@code hallows}, {@code olap}). */
    String DATABASE = "hallows.sql.database";

    /**
     * Opens a session for {@code user} (already authenticated by the caller), with the client's
     * startup parameters ({@code application_name}, {@code DateStyle}…; may be empty).
     *
     * @throws SqlException when the engine cannot take a session now (SQLSTATE {@code 53300} too
     *     many connections, {@code 57P03} starting up…)
     */
    Session open(String user, Map<String, String> parameters);

    /**
     * Server parameters to report at startup (PostgreSQL's ParameterStatus): at least
     * {@code server_version}, {@code server_encoding}, {@code client_encoding}, {@code DateStyle},
     * {@code TimeZone}, {@code integer_datetimes}, {@code standard_conforming_strings}.
     */
    Map<String, String> serverParameters();
}
