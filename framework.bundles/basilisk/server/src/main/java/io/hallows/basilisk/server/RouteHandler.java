package io.hallows.basilisk.server;

import io.hallows.basilisk.api.BadRequest;
import io.hallows.basilisk.api.Request;
import io.hallows.basilisk.api.Response;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.log.Logger;

/**
 * Runs a plain route: the request is captured on the event loop, {@link io.hallows.basilisk.api.Route#handle}
 * runs as a task on the partition's executor (it may block), the answer goes back on the event loop.
 */
final class RouteHandler implements Handler<RoutingContext> {
    private final BoundRoute bound;
    private final Executor executor;
    private final Logger log;
    private final Whiteboard whiteboard;

    RouteHandler(BoundRoute bound, Executor executor, Logger log, Whiteboard whiteboard) {
        this.bound = bound;
        this.executor = executor;
        this.log = log;
        this.whiteboard = whiteboard;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Request request = new CapturedRequest(ctx);
        Context loop = Vertx.currentContext();
        Exchange exchange = Exchange.of(ctx);
        serve(bound, request, loop, exchange, ctx);
    }

    /**
     * Runs {@code b}, or, when its revision is being replaced, waits for the module's next revision
     * (a module update may unregister and register more than once: wait again each time) and runs
     * the route there; 404 once the module is gone for good.
     */
    private void serve(BoundRoute b, Request request, Context loop, Exchange exchange, RoutingContext ctx) {
        java.util.concurrent.CompletableFuture<Void> parked = whiteboard.parked(b);
        if (parked == null && whiteboard.serving(b)) {
            dispatch(b, request, loop, exchange, ctx);
            return;
        }
        Runnable next = () -> {
            BoundRoute now = whiteboard.current(b.module(), b.key());
            if (now == null || now == b && whiteboard.parked(now) == null) {
                exchange.answer(ctx, Problems.notFound(request.path()));
            } else {
                serve(now, request, loop, exchange, ctx);
            }
        };
        if (parked == null) {
            next.run(); // a revision that has gone while this request was routed to it
        } else {
            parked.whenComplete((v, t) -> loop.runOnContext(x -> next.run()));
        }
    }

    private void dispatch(BoundRoute bound, Request request, Context loop, Exchange exchange, RoutingContext ctx) {
        try {
            executor.execute(() -> {
                Response r = run(bound, request, log);
                loop.runOnContext(v -> exchange.answer(ctx, r));
            });
        } catch (RejectedExecutionException e) {
            exchange.answer(ctx, Problems.unavailable("the server is stopping"));
        }
    }

    /** Runs the route; whatever goes wrong becomes a problem document (no internals for the client). */
    static Response run(BoundRoute bound, Request request, Logger log) {
        try {
            Response r = bound.route().handle(request);
            if (r != null) {
                return r;
            }
            log.error("basilisk: {} answered null", bound.describe());
        } catch (BadRequest e) {
            return Problems.badRequest(e);
        } catch (Throwable e) { // even an Error: the client gets its 500 now, not at the request timeout
            log.error("basilisk: {} failed on {} {}: {}", bound.describe(), request.method(), request.path(), e.toString(), e);
        }
        return Problems.internalError();
    }
}
