package io.hallows.basilisk.server;

import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.RouteKind;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.osgi.service.log.Logger;

/** The open streams of the streaming routes (SSE and WebSocket), and the handlers that open them. */
final class Streams {
    private final Executor executor;
    private final Logger log;
    private final TableWatch tables;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    Streams(Executor executor, Logger log, TableWatch tables) {
        this.executor = executor;
        this.log = log;
        this.tables = tables;
    }

    int size() {
        return open.size();
    }

    Handler<RoutingContext> handler(BoundRoute bound) {
        return bound.route().kind() == RouteKind.WEBSOCKET ? ctx -> webSocket(bound, ctx) : ctx -> sse(bound, ctx);
    }

    /** Closes the streams whose route is no longer served (their clients reconnect to the new revision). */
    void retain(Collection<BoundRoute> served) {
        Set<BoundRoute> keep = Set.copyOf(served);
        for (Stream s : List.copyOf(open)) {
            if (!keep.contains(s.bound())) {
                s.closeOnLoop();
            }
        }
    }

    void closeAll() {
        List.copyOf(open).forEach(Stream::closeOnLoop);
    }

    private void sse(BoundRoute bound, RoutingContext ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (!exchange.claim()) {
            return;
        }
        Context loop = Vertx.currentContext();
        HttpServerResponse resp = ctx.response();
        Stream.Sink sink = new Stream.Sink() {
            @Override
            public void first(Response r) {
                if (r.status() / 100 != 2) {
                    Exchange.send(ctx, r, false);
                    return;
                }
                resp.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            }

            @Override
            public void send(String payload) {
                resp.write(event(payload));
            }

            @Override
            public boolean full() {
                return resp.writeQueueFull();
            }

            @Override
            public void onDrain(Runnable r) {
                resp.drainHandler(v -> r.run());
            }

            @Override
            public void close() {
                if (!resp.ended() && !resp.closed()) {
                    resp.end();
                }
            }
        };
        Stream s = new Stream(bound, new CapturedRequest(ctx), sink, loop, executor, log, open::remove);
        open.add(s);
        resp.closeHandler(v -> s.close());
        s.start(tables);
    }

    private void webSocket(BoundRoute bound, RoutingContext ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (!exchange.claim()) {
            return;
        }
        CapturedRequest request = new CapturedRequest(ctx);
        Context loop = Vertx.currentContext();
        ctx.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                exchange.unclaim();
                exchange.answer(ctx, Problems.badRequest("a WebSocket handshake is expected: " + ar.cause().getMessage()));
                return;
            }
            ServerWebSocket ws = ar.result();
            Stream.Sink sink = new Stream.Sink() {
                @Override
                public void first(Response r) {
                    if (r.status() / 100 != 2) {
                        ws.writeTextMessage(new String(r.body(), StandardCharsets.UTF_8));
                    }
                }

                @Override
                public void send(String payload) {
                    ws.writeTextMessage(payload);
                }

                @Override
                public boolean full() {
                    return ws.writeQueueFull();
                }

                @Override
                public void onDrain(Runnable r) {
                    ws.drainHandler(v -> r.run());
                }

                @Override
                public void close() {
                    if (!ws.isClosed()) {
                        ws.close();
                    }
                }
            };
            Stream s = new Stream(bound, request, sink, loop, executor, log, open::remove);
            open.add(s);
            ws.closeHandler(v -> s.close());
            ws.textMessageHandler(ignored -> { }); // streams only send; what the client sends is read and dropped
            s.start(tables);
        });
    }

    /** One Server-Sent Event: every line of the payload as a {@code data:} line, then a blank line. */
    static String event(String payload) {
        StringBuilder b = new StringBuilder(payload.length() + 16);
        for (String line : payload.split("\r\n|\r|\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }
}
