package io.hallows.pgwire.protocol;

import io.hallows.pgwire.codec.TextCodec;
import io.hallows.sql.api.CopyIn;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A connection with an open session: the simple query protocol, COPY FROM STDIN, Sync, and the
 * extended protocol's messages (handed to {@link ExtendedQuery}). After an error in an extended
 * message, everything up to the next Sync is discarded, as PostgreSQL does.
 */
final class SessionPhase {
    private static final short[] TEXT = new short[0];

    private final PgConnection connection;
    private final Session session;
    private final CancelKeys.Key key;
    private final Backend backend;
    private final ExtendedQuery extended;
    private TextCodec text;
    private boolean ignoreTillSync;
    private CopyIn copy;
    private boolean copyExtended;
    private boolean released;

    SessionPhase(PgConnection connection, Session session, CancelKeys.Key key, Backend backend, String timeZone) {
        this.connection = connection;
        this.session = session;
        this.key = key;
        this.backend = backend;
        this.text = TextCodec.forTimeZone(timeZone);
        this.extended = new ExtendedQuery(this, session);
    }

    void handle(Frame frame) {
        char type = (char) (frame.type() & 0xFF);
        if (copy != null) {
            copyMessage(type, frame);
            return;
        }
        if (ignoreTillSync && type != 'S' && type != 'X') {
            return;
        }
        switch (type) {
            case 'Q' -> simpleQuery(frame.reader());
            case 'S' -> {
                frame.reader().end();
                ignoreTillSync = false;
                extended.sync(session.transactionStatus());
                readyForQuery();
            }
            case 'X' -> connection.close();
            case 'H' -> connection.flush();
            case 'P', 'B', 'D', 'E', 'C' -> {
                try {
                    extended.handle(type, frame.reader());
                } catch (SqlException e) {
                    extendedError(e);
                }
            }
            // Outside COPY, PostgreSQL ignores COPY messages (a copy that failed leaves some behind).
            case 'd', 'c', 'f' -> {
            }
            case 'F' -> {
                error(new SqlException("0A000", "the function call protocol is not supported"));
                readyForQuery();
            }
            default -> throw new ProtocolException("invalid frontend message type " + (int) type);
        }
    }

    private void simpleQuery(PayloadReader in) {
        String sql = in.cstring();
        in.end();
        if (isEmpty(sql)) {
            out().empty('I');
            readyForQuery();
            return;
        }
        connection.await(session.query(sql), (QueryOutcome outcome, Throwable failure) -> {
            if (failure != null) {
                error(failure);
                readyForQuery();
                return;
            }
            for (Result result : outcome.results()) {
                result.notices().forEach(out()::notice);
                if (result.copyIn() != null) {
                    startCopy(result.copyIn(), false);
                    return;
                }
                if (result.returnsRows()) {
                    out().rowDescription(result.columns(), TEXT);
                    sendRows(result, 0, result.rows().size(), TEXT);
                }
                out().commandComplete(result.commandTag());
            }
            if (outcome.error() != null) {
                error(outcome.error());
            }
            readyForQuery();
        });
    }

    /** A query string with nothing but blanks, semicolons and comments runs nothing. */
    static boolean isEmpty(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    void sendRows(Result result, int from, int to, short[] formats) {
        for (int i = from; i < to; i++) {
            out().dataRow(result.columns(), result.rows().get(i), formats, text);
            if (out().size() >= 64 * 1024) {
                connection.flush();
            }
        }
    }

    void startCopy(CopyIn copyIn, boolean fromExtended) {
        copy = copyIn;
        copyExtended = fromExtended;
        out().copyInResponse(copyIn.columns().size());
        connection.flush();
    }

    private void copyMessage(char type, Frame frame) {
        CopyIn sink = copy;
        switch (type) {
            case 'd' -> connection.await(sink.write(ByteBuffer.wrap(frame.body())), (Void done, Throwable failure) -> {
                if (failure != null) {
                    endCopy(failure);
                }
            });
            case 'c' -> connection.await(sink.finish(), (Result result, Throwable failure) -> {
                if (failure != null) {
                    endCopy(failure);
                    return;
                }
                copy = null;
                out().commandComplete(result.commandTag());
                if (!copyExtended) {
                    readyForQuery();
                }
            });
            case 'f' -> {
                String reason = frame.reader().cstring();
                connection.await(sink.fail(reason), (Void done, Throwable failure) ->
                        endCopy(new SqlException("57014", "COPY from stdin failed: " + reason)));
            }
            case 'H', 'S' -> {
                // PostgreSQL ignores them during COPY IN
            }
            default -> connection.await(sink.fail("protocol violation"), (Void done, Throwable failure) -> {
                copy = null;
                connection.fatal(new SqlException("08P01", "unexpected message type 0x" + Integer.toHexString(type) + " during COPY from stdin"));
            });
        }
    }

    private void endCopy(Throwable failure) {
        copy = null;
        if (copyExtended) {
            extendedError(failure);
        } else {
            error(failure);
            readyForQuery();
        }
    }

    /** An error in an extended message: reported, then everything up to Sync is skipped. */
    void extendedError(Throwable failure) {
        error(failure);
        ignoreTillSync = true;
    }

    /** An ErrorResponse for a failed statement; a failure that is not an engine error is logged. */
    void error(Throwable failure) {
        if (failure instanceof SqlException e) {
            out().error(e, false);
        } else {
            backend.log().error("pgwire: the engine failed: {}", failure.toString(), failure);
            out().error(new SqlException("XX000", "internal error in the SQL engine: " + failure.getClass().getSimpleName()), false);
        }
    }

    TextCodec text() {
        return text;
    }

    void readyForQuery() {
        Map<String, String> changes = session.takeParameterChanges();
        changes.forEach(out()::parameterStatus);
        if (changes.containsKey("TimeZone")) {
            text = TextCodec.forTimeZone(changes.get("TimeZone"));
        }
        out().readyForQuery(session.transactionStatus());
    }

    BackendWriter out() {
        return connection.out();
    }

    PgConnection connection() {
        return connection;
    }

    /** Asks the running statement to stop: the connection is gone. */
    void cancelRunning() {
        session.cancel();
    }

    /** Closes the session (the connection is closed and no statement runs). */
    void release() {
        if (released) {
            return;
        }
        released = true;
        backend.cancelKeys().remove(key);
        extended.closeAll();
        CopyIn open = copy;
        copy = null;
        if (open == null) {
            closeSession();
        } else {
            open.fail("the client disconnected").whenComplete((done, failure) -> connection.wire().thread().execute(this::closeSession));
        }
    }

    private void closeSession() {
        try {
            session.close();
        } catch (RuntimeException e) {
            backend.log().warn("pgwire: closing a session failed: {}", e.toString(), e);
        }
    }
}
