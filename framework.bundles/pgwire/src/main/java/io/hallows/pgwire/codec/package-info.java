/**
 * Values on the wire: each {@link io.hallows.sql.api.SqlType} in PostgreSQL's text format
 * ({@link io.hallows.pgwire.codec.TextCodec}, with {@code DateStyle=ISO} and the session's
 * {@code TimeZone}) and binary format ({@link io.hallows.pgwire.codec.BinaryCodec}: big-endian
 * integers and IEEE floats, {@code numeric} in base-10000 digits
 * ({@link io.hallows.pgwire.codec.NumericBinary}), dates as days and timestamps as microseconds
 * since 2000-01-01).
 *
 * <p>Decoding a client's value that is not valid for its type throws an
 * {@link io.hallows.sql.api.SqlException} with PostgreSQL's SQLSTATE ({@code 22P02} bad text,
 * {@code 22P03} bad binary, {@code 22007}/{@code 22008} bad date or time, {@code 22003} out of range),
 * which the connection reports as an ErrorResponse. Encoding is lenient about the Java class of an
 * engine's value where the type allows it (any {@link java.lang.Number} for an integer column).
 * Stateless and thread-safe, except that a {@link io.hallows.pgwire.codec.TextCodec} carries a zone.
 */
package io.hallows.pgwire.codec;
