package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.log.Logs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.log.Logger;

/**
 * Kafka's wire protocol on a Vert.x NetServer of the caller's Vert.x instance: one
 * {@link KafkaConnection} per socket, on the socket's event loop. {@link #start} returns once it
 * listens; {@link #close} stops listening and closes the open connections.
 */
public final class KafkaServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final NetServer server;
    private final Broker broker;
    private final Apis apis;
    private final Set<KafkaConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();

    private KafkaServer(NetServer server, Broker broker) {
        this.server = server;
        this.broker = broker;
        this.apis = new Apis(broker);
    }

    /**
     * Listens on {@code settings.host():settings.port()} and answers Kafka clients from
     * {@code logs} and {@code groups}.
     *
     * @throws IOException if the address cannot be bound
     */
    public static KafkaServer start(ServerSettings settings, Vertx vertx, Logs logs, GroupCoordinator groups, Logger log) throws IOException {
        Broker broker = new Broker(settings, vertx, logs, groups, log);
        NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(settings.port()).setTcpNoDelay(true)
                .setReceiveBufferSize(1 << 20).setSendBufferSize(1 << 20);
        NetServer net = vertx.createNetServer(options);
        KafkaServer started = new KafkaServer(net, broker);
        net.connectHandler(started::accept);
        try {
            net.listen().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("could not listen on " + settings.host() + ":" + settings.port() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("could not listen on " + settings.host() + ":" + settings.port() + " within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + settings.host() + ":" + settings.port(), e);
        }
        broker.listening(net.actualPort());
        log.info("kafka: listening on {}:{} (advertised as {}:{})", settings.host(), net.actualPort(), broker.host(), broker.port());
        return started;
    }

    private void accept(NetSocket socket) {
        if (open.incrementAndGet() > broker.settings.maxConnections()) {
            open.decrementAndGet();
            broker.log.warn("kafka: refused a connection from {}: {} connections are open, the limit (max.connections)",
                    socket.remoteAddress(), broker.settings.maxConnections());
            socket.close();
            return;
        }
        KafkaConnection connection = new KafkaConnection(socket, io.vertx.core.Vertx.currentContext(), broker, apis);
        connections.add(connection);
        socket.handler(connection::received);
        socket.exceptionHandler(e -> broker.log.debug("kafka: connection from {}: {}", connection.peer(), e.toString()));
        socket.closeHandler(v -> {
            open.decrementAndGet();
            connections.remove(connection);
            connection.closed();
        });
    }

    /** The port it listens on (the one chosen when configured with 0). */
    public int port() {
        return server.actualPort();
    }

    /** Connections open now. */
    public int connections() {
        return open.get();
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        Future<Void> closing = server.close();
        for (KafkaConnection connection : connections) {
            connection.closeFromOutside();
        }
        try {
            closing.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            broker.log.warn("kafka: closing the listener: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
