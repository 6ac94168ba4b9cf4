package io.hallows.pgwire.protocol;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.Executor;

/**
 * The transport under one connection: a Vert.x socket in the server, a recording double in tests.
 * Every method is called on the connection's thread ({@link #thread()}).
 */
public interface Wire {
    /** Sends {@code data}. */
    void write(Buffer data);

    /** True while the client reads slower than the connection writes. */
    boolean writeQueueFull();

    /** Runs {@code then} (on the connection's thread) once the write queue has room again. */
    void whenDrained(Runnable then);

    /** Stops reading from the client (back pressure) until {@link #resume()}. */
    void pause();

    void resume();

    /** True when this wire can switch to TLS ({@link #upgradeToTls}). */
    boolean tlsAvailable();

    /**
     * Switches to TLS after the 'S' answer to an SSLRequest has been written: the next bytes
     * read are the client's TLS handshake. {@code done} runs with null on success, else the failure.
     */
    void upgradeToTls(java.util.function.Consumer<Throwable> done);

    /** Closes the connection once what was written has been sent. */
    void close();

    /** Runs tasks on the connection's thread, in order (engine futures complete elsewhere). */
    Executor thread();
}
