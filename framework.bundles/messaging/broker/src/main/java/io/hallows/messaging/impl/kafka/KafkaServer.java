package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.log.Logs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.log.Logger;

/**
 * Kafka's wire protocol on Vert.x NetServers of the caller's Vert.x instance: one
 * {@link KafkaConnection} per socket, on the socket's event loop. Several server instances share
 * the port (Vert.x hands each new connection to the next), so connections spread over as many
 * event loops as there are cores (up to {@value #MAX_LOOPS}), as Kafka's network threads do.
 * {@link #start} returns once it listens; {@link #close} stops listening and closes the open
 * connections.
 */
public final class KafkaServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;
    static final int MAX_LOOPS = 4;
    /** Vert.x shares one random port among servers that ask for the same negative port; port 0 would give each its own. */
    private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

    private final List<NetServer> servers = new ArrayList<>();
    private final Broker broker;
    private final Apis apis;
    private final Set<KafkaConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();

    private KafkaServer(Broker broker) {
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
        KafkaServer started = new KafkaServer(broker);
        int port = settings.port() == 0 ? -1 - (RANDOM_PORT_KEYS.getAndIncrement() & 0xFFFF) : settings.port();
        int loops = Math.max(1, Math.min(MAX_LOOPS, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < loops; i++) {
            NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(port).setTcpNoDelay(true)
                    .setReceiveBufferSize(1 << 20).setSendBufferSize(1 << 20);
            // Created from outside Vert.x, each instance gets its own event loop context.
            NetServer net = vertx.createNetServer(options);
            net.connectHandler(started::accept);
            started.servers.add(net);
            try {
                net.listen().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                started.close();
                throw new IOException("could not listen on " + settings.host() + ":" + settings.port() + ": " + e.getCause().getMessage(),
                        e.getCause());
            } catch (TimeoutException e) {
                started.close();
                throw new IOException("could not listen on " + settings.host() + ":" + settings.port() + " within " + TIMEOUT_SECONDS + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                started.close();
                throw new IOException("interrupted while binding " + settings.host() + ":" + settings.port(), e);
            }
            if (i == 0) {
                // Before anything can be asked: only now is a random port known.
                broker.listening(net.actualPort());
            }
        }
        NetServer net = started.servers.get(0);
        log.info("kafka: listening on {}:{} (advertised as {}:{}, {} event loops)", settings.host(), net.actualPort(), broker.host(),
                broker.port(), loops);
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
        return servers.get(0).actualPort();
    }

    /** Connections open now. */
    public int connections() {
        return open.get();
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        List<Future<Void>> closing = new ArrayList<>();
        for (NetServer server : servers) {
            closing.add(server.close());
        }
        for (KafkaConnection connection : connections) {
            connection.closeFromOutside();
        }
        try {
            Future.join(closing).toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            broker.log.warn("kafka: closing the listener: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
