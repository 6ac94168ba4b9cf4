package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.Logs;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.protocol.Errors;
import org.osgi.service.log.Logger;

/**
 * What every request handler needs: the settings, the log, the group coordinator, the Vert.x
 * instance, and the address this broker is advertised at (known once it listens).
 */
final class Broker {
    final ServerSettings settings;
    final Vertx vertx;
    final Logs logs;
    final GroupCoordinator groups;
    final Logger log;
    private volatile String advertisedHost;
    private volatile int advertisedPort;
    private volatile int boundPort;

    Broker(ServerSettings settings, Vertx vertx, Logs logs, GroupCoordinator groups, Logger log) {
        this.settings = settings;
        this.vertx = vertx;
        this.logs = logs;
        this.groups = groups;
        this.log = log;
    }

    void listening(int boundPort) {
        this.boundPort = boundPort;
        String host = settings.advertisedHost();
        advertisedHost = host == null || host.isBlank() ? settings.host() : host;
        advertisedPort = settings.advertisedPort() > 0 ? settings.advertisedPort() : boundPort;
    }

    String host() {
        return advertisedHost;
    }

    int port() {
        return advertisedPort;
    }

    int boundPort() {
        return boundPort;
    }

    int nodeId() {
        return settings.nodeId();
    }

    /** Kafka's error for a failure of the log or the coordinator (unwrapping a future's wrapper). */
    static Errors error(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof LogException e ? e.error() : Errors.forException(cause);
    }
}
