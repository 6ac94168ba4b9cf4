package io.hallows.admin;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.RestartPolicy;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.Schedulers;
import io.hallows.kernel.api.SwapRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kernel's Schedulers and Partitions for two partitions, {@code web} and {@code db}, and the
 * policies {@code fifo} and {@code keyed}; it follows the kernel's contracts for errors and
 * records every swap and rollback that reached it.
 */
final class FakeKernel implements Schedulers, Partitions {
    /** A log that drops what it is given: these tests look at HTTP answers, not at log lines. */
    static final org.osgi.service.log.Logger LOG = (org.osgi.service.log.Logger) java.lang.reflect.Proxy.newProxyInstance(
            FakeKernel.class.getClassLoader(), new Class<?>[] {org.osgi.service.log.Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE
                    : method.getReturnType() == String.class ? "fake" : null);

    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    /** Every swap and rollback that reached the kernel, as {@code swap web keyed} / {@code rollback web}. */
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> active = new TreeMap<>(Map.of("web", new ArrayList<>(List.of("fifo")),
            "db", new ArrayList<>(List.of("fifo"))));
    /** Set to make the next call throw, as a kernel proxy whose capability was revoked would. */
    volatile RuntimeException failNext;

    @Override
    public synchronized List<SchedulerInfo> installed() {
        return List.of(info("fifo", "io.hallows.kernel"), info("keyed", "io.hallows.scheduler.keyed"));
    }

    @Override
    public synchronized SchedulerStats stats(String partition) {
        List<String> history = history(partition);
        List<SwapRecord> swaps = new ArrayList<>();
        for (int i = 1; i < history.size(); i++) {
            swaps.add(record(history.get(i - 1), history.get(i)));
        }
        SwapRecord stall = new SwapRecord(T0, "keyed/io.hallows.scheduler.keyed-0.1.0", "fifo/io.hallows.kernel-0.1.0",
                ExitReason.STALL, "task ran longer than 5000 ms", 2_500, 3);
        return new SchedulerStats(partition, current(partition), 2, 5000, 10, 7, 1, 2, 0, 12.5, 80.25, Double.NaN, swaps,
                partition.equals("db") ? stall : null, Map.of("stolen", 4L, "keys", List.of("a", "b")), 1, 2,
                partition.equals("db") ? "thread vert.x-eventloop-thread-0 busy for 700 ms" : null);
    }

    @Override
    public synchronized SwapRecord swap(String partition, String scheduler) {
        failIfAsked();
        List<String> history = history(partition);
        if (installed().stream().noneMatch(s -> s.name().equals(scheduler))) {
            throw new IllegalArgumentException("no scheduler '" + scheduler + "' is installed (installed: fifo, keyed)");
        }
        calls.add("swap " + partition + " " + scheduler);
        history.add(scheduler);
        return record(history.get(history.size() - 2), scheduler);
    }

    @Override
    public synchronized SwapRecord rollback(String partition) {
        failIfAsked();
        List<String> history = history(partition);
        if (history.size() < 2) {
            throw new IllegalStateException("partition '" + partition + "' has not switched schedulers yet: nothing to roll back to");
        }
        calls.add("rollback " + partition);
        String from = history.removeLast();
        return record(from, history.getLast());
    }

    @Override
    public synchronized List<PartitionStatus> list() {
        failIfAsked();
        return active.keySet().stream().map(this::status).map(Optional::orElseThrow).toList();
    }

    @Override
    public synchronized Optional<PartitionStatus> status(String name) {
        return active.containsKey(name) ? Optional.of(new PartitionStatus(name, PartitionState.RUNNING, name.equals("web") ? "0" : "1",
                true, "(hallows.scheduler=fifo)", new RestartPolicy(3, Duration.ofSeconds(60), Duration.ofMillis(500),
                        Duration.ofSeconds(30)), List.of("io.hallows." + name + ".*"), List.of(), List.of("partition:" + name + " READ"),
                0, 1, name.equals("db") ? "boom" : null, name.equals("db") ? T0 : null, T0, null)) : Optional.empty();
    }

    @Override
    public void reportFault(String name, String reason) {
        throw new UnsupportedOperationException("the admin API does not report faults");
    }

    @Override
    public void restart(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void quarantine(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void release(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean await(String name, PartitionState state, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    private SchedulerInfo info(String name, String bundle) {
        List<String> in = active.entrySet().stream().filter(e -> e.getValue().getLast().equals(name)).map(Map.Entry::getKey).toList();
        return new SchedulerInfo(name, bundle, "0.1.0", name + " scheduling", in);
    }

    private List<String> history(String partition) {
        List<String> history = active.get(partition);
        if (history == null) {
            throw new IllegalArgumentException("no partition '" + partition + "'");
        }
        return history;
    }

    private String current(String partition) {
        return history(partition).getLast() + "/io.hallows.kernel-0.1.0";
    }

    private static SwapRecord record(String from, String to) {
        return new SwapRecord(T0, from + "/b-0.1.0", to + "/b-0.1.0", ExitReason.OPERATOR, "admin API", 1_500, 2);
    }

    private void failIfAsked() {
        RuntimeException e = failNext;
        failNext = null;
        if (e != null) {
            throw e;
        }
    }
}
