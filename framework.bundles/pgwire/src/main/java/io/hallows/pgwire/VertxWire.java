package io.hallows.pgwire;

import io.hallows.pgwire.protocol.Wire;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** A {@link Wire} over a Vert.x socket; its thread is the socket's event loop. */
final class VertxWire implements Wire {
    private final NetSocket socket;
    private final boolean tls;
    private final Executor thread;

    VertxWire(NetSocket socket, Context context, boolean tls) {
        this.socket = socket;
        this.tls = tls;
        this.thread = task -> context.runOnContext(v -> task.run());
    }

    @Override
    public void write(Buffer data) {
        socket.write(data);
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public void whenDrained(Runnable then) {
        socket.drainHandler(v -> {
            socket.drainHandler(null);
            then.run();
        });
    }

    @Override
    public void pause() {
        socket.pause();
    }

    @Override
    public void resume() {
        socket.resume();
    }

    @Override
    public boolean tlsAvailable() {
        return tls && !socket.isSsl();
    }

    @Override
    public void upgradeToTls(Consumer<Throwable> done) {
        socket.upgradeToSsl().onComplete(result -> done.accept(result.failed() ? result.cause() : null));
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public Executor thread() {
        return thread;
    }
}
