package io.hallows.messaging.impl.kafka;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * A server on 127.0.0.1 (any free port) over {@link MemoryLogs} and {@link SoloGroups}, with a
 * logger that records what it is told (WARN and ERROR lines are asserted on).
 */
final class Fixture implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final MemoryLogs logs = new MemoryLogs();
    final SoloGroups groups = new SoloGroups();
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final KafkaServer server;

    Fixture() throws IOException {
        this(settings(0, 64 * 1024 * 1024, 100, true));
    }

    Fixture(ServerSettings settings) throws IOException {
        server = KafkaServer.start(settings, vertx, logs, groups, recordingLogger(lines));
    }

    static ServerSettings settings(int port, int maxFrameBytes, int maxConnections, boolean autoCreate) {
        return new ServerSettings("127.0.0.1", port, null, 0, maxFrameBytes, maxConnections, autoCreate, 3, 1, "hallows-test-cluster");
    }

    String bootstrap() {
        return "127.0.0.1:" + server.port();
    }

    /** The recorded lines at {@code level} (WARN, ERROR, ...), messages with their arguments filled in. */
    List<String> lines(String level) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(level + " ")).toList();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        logs.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Logger recordingLogger(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Fixture.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
            if (method.getReturnType() == boolean.class) {
                return Boolean.TRUE;
            }
            if (method.getReturnType() == String.class) {
                return "test";
            }
            String name = method.getName();
            if (args != null && args.length > 0 && args[0] instanceof String format
                    && List.of("trace", "debug", "info", "warn", "error", "audit").contains(name)) {
                lines.add(name.toUpperCase(java.util.Locale.ROOT) + " " + format(format, args));
            }
            return null;
        });
    }

    private static String format(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] more) {
                values.addAll(List.of(more));
            } else {
                values.add(args[i]);
            }
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        int at = 0;
        while (true) {
            int hole = format.indexOf("{}", at);
            if (hole < 0 || next >= values.size()) {
                out.append(format, at, format.length());
                return out.toString();
            }
            out.append(format, at, hole).append(values.get(next++));
            at = hole + 2;
        }
    }
}
