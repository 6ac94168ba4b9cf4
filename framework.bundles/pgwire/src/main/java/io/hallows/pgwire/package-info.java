/**
 * The PostgreSQL wire protocol server of Hallows: psql, JDBC and every PostgreSQL driver talk to
 * any {@link io.hallows.sql.api.SqlEngine} through it, choosing the engine by the database name
 * of their startup message.
 *
 * <p>{@link io.hallows.pgwire.PgWireComponent} (Declarative Services) makes a Vert.x instance on
 * the bundle's partition and starts a {@link io.hallows.pgwire.PgWireServer}, configured by the
 * {@code hallows.pgwire.*} framework properties ({@link io.hallows.pgwire.PgWireConfig}); engines
 * are tracked dynamically ({@code EngineDirectory}). Each socket gets a
 * {@link io.hallows.pgwire.protocol.PgConnection} over a {@code VertxWire}; the protocol itself
 * knows nothing of Vert.x sockets, so tests drive it directly.
 *
 * <p>Nothing here is exported: the wire protocol is the contract.
 */
package io.hallows.pgwire;
