package io.hallows.pgwire;

import io.hallows.pgwire.auth.AuthMethod;
import io.hallows.pgwire.auth.UserStore;
import io.hallows.pgwire.protocol.Backend;
import io.hallows.pgwire.protocol.CancelKeys;
import io.hallows.pgwire.protocol.PgConnection;
import io.vertx.core.buffer.Buffer;

/** A {@link PgConnection} on a {@link RecordingWire} over a {@link MapEngine} whose futures complete at once. */
final class DirectConnection {
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    final MapEngine engine;
    final Backend backend;
    final RecordingWire wire = new RecordingWire();
    final PgConnection connection;

    DirectConnection(MapEngine engine, Backend backend) {
        this.engine = engine;
        this.backend = backend;
        this.connection = new PgConnection(wire, backend, false);
    }

    /** A connection with its own engine (database {@code hallows}) and trust authentication. */
    static DirectConnection create() {
        MapEngine engine = new MapEngine(Runnable::run);
        return new DirectConnection(engine, backend(engine));
    }

    static Backend backend(MapEngine engine) {
        return new Backend(db -> db.equals("hallows") ? engine : null, AuthMethod.TRUST, UserStore.empty(), new CancelKeys(),
                MAX_MESSAGE_BYTES, ServerFixture.LOG);
    }

    DirectConnection send(byte[] bytes) {
        connection.received(Buffer.buffer(bytes));
        return this;
    }

    DirectConnection send(FrontendMessages messages) {
        return send(messages.bytes());
    }

    /** The type bytes written so far, as a string, e.g. {@code "RSSKZ"}. */
    String types() {
        StringBuilder s = new StringBuilder();
        wire.messageTypes().forEach(s::append);
        return s.toString();
    }

    static FrontendMessages login() {
        return new FrontendMessages().startup(3 << 16, "user", "tester", "database", "hallows");
    }
}
