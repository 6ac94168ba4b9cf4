package io.hallows.basilisk.server;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one route of one module revision. Thread-safe. */
final class RouteMetrics {
    private final LongAdder requests = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();

    void record(int status, long micros) {
        requests.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        latency.record(micros);
    }

    long requests() {
        return requests.sum();
    }

    long clientErrors() {
        return clientErrors.sum();
    }

    long serverErrors() {
        return serverErrors.sum();
    }

    long percentile(double fraction) {
        return latency.percentile(fraction);
    }
}
