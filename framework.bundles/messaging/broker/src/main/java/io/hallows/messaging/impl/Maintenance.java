package io.hallows.messaging.impl;

import io.hallows.messaging.impl.log.Logs;
import org.osgi.service.log.Logger;

/** One round of retention and time-based roll, reported when it deleted something or failed. */
final class Maintenance {
    private Maintenance() {
    }

    static void run(Logs logs, Logger log) {
        logs.maintain().whenComplete((deleted, failure) -> {
            if (failure != null) {
                log.error("Messaging log: retention failed: {}", failure.toString(), failure);
            } else if (deleted > 0) {
                log.info("Messaging log: retention deleted {} segment(s)", deleted);
            }
        });
    }
}
