/**
 * Client authentication: SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL does it, without
 * channel binding, on the JDK's {@code javax.crypto}.
 *
 * <p>{@link io.hallows.pgwire.auth.ScramVerifier} is a user's stored secret in PostgreSQL's own
 * format ({@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}), so verifiers can be
 * copied from {@code pg_authid}; the server never keeps a password. {@link
 * io.hallows.pgwire.auth.UserStore} reads them from the users file ({@code user:verifier} or
 * {@code user:password} lines, the latter hashed at load). {@link
 * io.hallows.pgwire.auth.ScramExchange} is one server-side exchange: client-first → server-first,
 * client-final → server-final, or a failure. A user who does not exist goes through the same
 * exchange with a mock verifier derived from a server secret, as PostgreSQL does, so a client
 * cannot tell unknown users from wrong passwords.
 */
package io.hallows.pgwire.auth;
