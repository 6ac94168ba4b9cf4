package io.hallows.pgwire.protocol;

import io.hallows.pgwire.auth.AuthMethod;
import io.hallows.pgwire.auth.AuthenticationFailed;
import io.hallows.pgwire.auth.ScramExchange;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection until its session is open: encryption requests (SSLRequest answered {@code S} and
 * upgraded when the server has TLS, else {@code N}; GSSENCRequest {@code N}), a CancelRequest,
 * the StartupMessage (protocol 3.0; a newer 3.x minor is answered with NegotiateProtocolVersion),
 * authentication (trust, or SCRAM-SHA-256 over SASL messages), then the engine of the database.
 */
final class StartupPhase {
    private static final int SASL = 10;
    private static final int SASL_CONTINUE = 11;
    private static final int SASL_FINAL = 12;

    private final PgConnection connection;
    private final Backend backend;
    private final boolean overLimit;
    private boolean encryptionAnswered;
    private String user;
    private String database;
    private Map<String, String> parameters;
    private ScramExchange scram;
    private boolean scramStarted;

    StartupPhase(PgConnection connection, Backend backend, boolean overLimit) {
        this.connection = connection;
        this.backend = backend;
        this.overLimit = overLimit;
    }

    void handle(Frame frame) {
        if (scram != null) {
            saslResponse(frame);
            return;
        }
        if (user != null || frame.type() != Frame.UNTYPED) {
            throw new ProtocolException("unexpected message type 0x" + Integer.toHexString(frame.type() & 0xFF) + " during startup");
        }
        PayloadReader in = frame.reader();
        int code = in.int32();
        switch (code) {
            case StartupCodes.SSL_REQUEST -> sslRequest(in);
            case StartupCodes.GSSENC_REQUEST -> {
                in.end();
                answerEncryption('N');
            }
            case StartupCodes.CANCEL_REQUEST -> {
                int pid = in.int32();
                int secret = in.int32();
                in.end();
                backend.cancelKeys().cancel(pid, secret);
                connection.close();
            }
            default -> startup(code, in);
        }
    }

    private void sslRequest(PayloadReader in) {
        in.end();
        boolean tls = connection.wire().tlsAvailable();
        answerEncryption(tls ? 'S' : 'N');
        if (tls) {
            connection.wire().upgradeToTls(failure -> {
                if (failure != null) {
                    backend.log().debug("pgwire: TLS handshake failed: {}", failure.toString());
                    connection.close();
                }
            });
        }
    }

    private void answerEncryption(char answer) {
        if (encryptionAnswered && answer == 'S') {
            throw new ProtocolException("SSL negotiation requested twice");
        }
        if (!connection.nothingMoreReceived()) {
            // Bytes sent before our answer cannot be part of a TLS session: someone injected them.
            throw new ProtocolException("received unencrypted data after SSL request");
        }
        encryptionAnswered = true;
        connection.out().raw((byte) answer);
        connection.flush();
    }

    private void startup(int version, PayloadReader in) {
        if (version >> 16 != 3) {
            throw new ProtocolException("0A000", "unsupported frontend protocol " + (version >>> 16) + "." + (version & 0xFFFF)
                    + ": server supports 3.0 to 3.0");
        }
        Map<String, String> params = new LinkedHashMap<>();
        List<String> unknownOptions = new ArrayList<>();
        while (true) {
            String name = in.cstring();
            if (name.isEmpty()) {
                break;
            }
            String value = in.cstring();
            if (name.startsWith("_pq_.")) {
                unknownOptions.add(name);
            } else {
                params.put(name, value);
            }
        }
        in.end();
        if ((version & 0xFFFF) != 0 || !unknownOptions.isEmpty()) {
            connection.out().negotiateProtocolVersion(0, unknownOptions);
        }
        user = params.remove("user");
        if (user == null || user.isEmpty()) {
            throw new ProtocolException("28000", "no PostgreSQL user name specified in startup packet");
        }
        String db = params.remove("database");
        database = db == null || db.isEmpty() ? user : db;
        parameters = params;
        if (overLimit) {
            throw new ProtocolException("53300", "sorry, too many clients already");
        }
        if (backend.auth() == AuthMethod.TRUST) {
            authenticated();
            return;
        }
        scram = backend.users().exchange(user);
        connection.out().authentication(SASL, (ScramExchange.MECHANISM + "\0\0").getBytes(StandardCharsets.US_ASCII));
        connection.flush();
    }

    private void saslResponse(Frame frame) {
        if (frame.type() != 'p') {
            throw new ProtocolException("expected SASL response, got message type 0x" + Integer.toHexString(frame.type() & 0xFF));
        }
        PayloadReader in = frame.reader();
        try {
            if (!scramStarted) {
                scramStarted = true;
                String mechanism = in.cstring();
                if (!mechanism.equals(ScramExchange.MECHANISM)) {
                    throw new ProtocolException("client selected an invalid SASL authentication mechanism");
                }
                byte[] first = in.bytes(in.int32());
                in.end();
                connection.out().authentication(SASL_CONTINUE, scram.serverFirst(first));
                connection.flush();
            } else {
                byte[] last = in.bytes(in.remaining());
                connection.out().authentication(SASL_FINAL, scram.serverFinal(last));
                scram = null;
                authenticated();
            }
        } catch (AuthenticationFailed e) {
            backend.log().info("pgwire: authentication of user \"{}\" failed: {}", user, e.getMessage());
            throw e.rejected() ? new ProtocolException("28P01", "password authentication failed for user \"" + user + "\"")
                    : new ProtocolException(e.getMessage());
        }
    }

    private void authenticated() {
        SqlEngine engine = backend.engines().apply(database);
        if (engine == null) {
            throw new ProtocolException("3D000", "database \"" + database + "\" does not exist");
        }
        Session session;
        try {
            session = engine.open(user, Map.copyOf(parameters));
        } catch (SqlException e) {
            connection.fatal(e);
            return;
        }
        CancelKeys.Key key = backend.cancelKeys().register(session);
        BackendWriter out = connection.out();
        out.authentication(0, null);
        Map<String, String> reported = new LinkedHashMap<>(engine.serverParameters());
        reported.putAll(session.takeParameterChanges());
        reported.forEach(out::parameterStatus);
        out.backendKeyData(key.pid(), key.secret());
        SessionPhase phase = new SessionPhase(connection, session, key, backend, reported.get("TimeZone"));
        connection.established(phase);
        out.readyForQuery(session.transactionStatus());
        connection.flush();
    }
}
