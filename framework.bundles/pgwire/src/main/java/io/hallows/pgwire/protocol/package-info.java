/**
 * PostgreSQL's frontend/backend protocol, version 3.0, over any {@link io.hallows.pgwire.protocol.Wire}.
 *
 * <pre>
 *  bytes ─▶ FrameDecoder ─▶ queue ─▶ PgConnection.drain ─▶ StartupPhase   (SSL/GSS/cancel/startup/SASL)
 *           (length ≤ limit)  (pause      one message at     SessionPhase   (Q, Sync, COPY, Terminate)
 *                              when long)  a time; waits      └ ExtendedQuery (Parse/Bind/Describe/Execute/Close)
 *                                          for the engine  ─▶ BackendWriter ─▶ flushed when the client is due
 * </pre>
 *
 * <p>A {@link io.hallows.pgwire.protocol.PgConnection} is confined to its wire's thread; engine
 * futures hop back to it. A malformed message, a message longer than the limit or a misplaced one
 * is a FATAL ErrorResponse ({@code 08P01}, {@code 54000}) and the end of that connection only.
 * Sessions are released when the connection ends, after any running statement (which is asked to
 * cancel) has finished: a session never sees two calls at once.
 */
package io.hallows.pgwire.protocol;
