package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs flows for one query: morsels are claimed from a shared counter by up to {@code
 * parallelism} lanes (the calling thread is one; the others run on the context's workers), each
 * lane feeding its own sink, so sinks need no locks. The calling thread never waits for a lane
 * that has not started: it claims it and skips it, so a saturated executor cannot deadlock a query.
 */
public final class Exec {
    private final QueryContext context;
    private final Memory memory;

    public Exec(QueryContext context, Memory memory) {
        this.context = context;
        this.memory = memory;
    }

    public Memory memory() {
        return memory;
    }

    /** A morsel's consumer; one per lane, used by that lane's thread only. */
    public interface Sink {
        void accept(int morsel, Batch batch);
    }

    /** Throws 57014 when the query was cancelled. */
    public void checkCancelled() {
        if (context.cancelled().getAsBoolean()) {
            throw new SqlException("57014", "canceling statement due to user request");
        }
    }

    /**
     * Feeds every morsel of {@code flow} to the sinks made by {@code lanes} and returns the sinks
     * that ran (at least one).
     */
    public <S extends Sink> List<S> run(Flow flow, IntFunction<S> lanes) {
        int n = flow.morsels();
        int p = Math.max(1, Math.min(context.parallelism(), n));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<S> sinks = new ArrayList<>();
        S first = lanes.apply(0);
        sinks.add(first);
        if (p == 1) {
            drain(flow, first, next, failure);
            rethrow(failure.get());
            return sinks;
        }
        AtomicInteger[] state = new AtomicInteger[p]; // 0 = waiting, 1 = running or claimed
        CountDownLatch done = new CountDownLatch(p - 1);
        List<S> helpers = new ArrayList<>();
        for (int l = 1; l < p; l++) {
            S sink = lanes.apply(l);
            helpers.add(sink);
            AtomicInteger st = state[l] = new AtomicInteger();
            try {
                context.workers().execute(() -> {
                    if (st.compareAndSet(0, 1)) {
                        try {
                            drain(flow, sink, next, failure);
                        } finally {
                            done.countDown();
                        }
                    }
                });
            } catch (RuntimeException rejected) {
                if (st.compareAndSet(0, 1)) {
                    done.countDown();
                }
            }
        }
        drain(flow, first, next, failure);
        for (int l = 1; l < p; l++) {
            if (state[l].compareAndSet(0, 1)) {
                done.countDown(); // never started: nothing to wait for, nothing in its sink
            } else {
                sinks.add(helpers.get(l - 1));
            }
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new SqlException("57014", "canceling statement: the query's thread was interrupted"));
        }
        rethrow(failure.get());
        return sinks;
    }

    private void drain(Flow flow, Sink sink, AtomicInteger next, AtomicReference<Throwable> failure) {
        int n = flow.morsels();
        try {
            for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                checkCancelled();
                Batch b = flow.morsel(i);
                if (b != null) {
                    sink.accept(i, b);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Every row of {@code flow}, in order, as one batch of {@code types}, counted in memory. */
    public Batch collect(Flow flow, List<Type> types) {
        int n = flow.morsels();
        Batch[] parts = new Batch[n];
        run(flow, lane -> (i, b) -> {
            memory.reserve(b.bytes());
            parts[i] = b;
        });
        List<Batch> list = new ArrayList<>();
        for (Batch b : parts) {
            if (b != null && b.n() > 0) {
                list.add(b);
            }
        }
        if (list.isEmpty()) {
            return Vecs.empty(types);
        }
        Batch all = Batch.concat(list, types);
        if (list.size() > 1) {
            memory.reserve(all.bytes());
        }
        return all;
    }
}
