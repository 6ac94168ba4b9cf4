package io.hallows.vertx.impl;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.vertx.api.PartitionVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link PartitionVertx} service, one instance per using bundle: it remembers the Vert.x
 * instances it made for that bundle until they close, and closes those still open when the bundle
 * lets the service go, so a stopped bundle leaves no event loop behind.
 */
@Component(scope = ServiceScope.BUNDLE)
public final class PartitionVertxComponent implements PartitionVertx {
    private static final long CLOSE_SECONDS = 10;
    private final Set<Vertx> open = ConcurrentHashMap.newKeySet();

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
    private volatile Logger log;

    @Override
    public Vertx create(PartitionExecutor executor, VertxOptions options) {
        Vertx vertx = VertxOnPartition.create(executor, options);
        open.add(vertx);
        ((VertxInternal) vertx).closeFuture().future().onComplete(done -> open.remove(vertx));
        return vertx;
    }

    @Deactivate
    void closeLeftovers() throws InterruptedException {
        for (Vertx vertx : List.copyOf(open)) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Logger logger = log;
                if (logger != null) {
                    logger.warn("a Vert.x instance left open by a stopping bundle did not close within {} s: {}", CLOSE_SECONDS, e);
                }
            }
        }
        open.clear();
    }
}
