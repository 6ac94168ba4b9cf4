package io.hallows.messaging.impl.channel;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.log.Logger;

/**
 * The events of one subscription (or one operator), run one at a time in the order they were
 * posted, as keyed tasks of the log partition: whatever thread a read completes on, a request
 * arrives from or a timer fires on, the subscriber's signals never overlap and never recurse.
 */
final class Serial {
    private final PartitionExecutor executor;
    private final TaskHints hints;
    private final Logger log;

    Serial(PartitionExecutor executor, String key, Logger log) {
        this.executor = executor;
        this.hints = TaskHints.key(key);
        this.log = log;
    }

    void run(Runnable event) {
        try {
            executor.execute(event, hints);
        } catch (RejectedExecutionException e) {
            // The partition is stopping: its subscriptions end with it, nothing is left to signal.
            log.debug("channel event dropped, the log partition is stopping ({}): {}", hints.key(), e.getMessage());
        }
    }
}
