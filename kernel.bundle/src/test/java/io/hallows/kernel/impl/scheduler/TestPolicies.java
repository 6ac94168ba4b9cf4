package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Version;

/** Test policies and a factory source for the swap protocol's tests: no framework needed. */
final class TestPolicies implements Policies {
    private final Map<String, SchedulerFactory> factories = new HashMap<>();
    private final SchedulerChoice fifo = choice(FifoScheduler.NAME);
    final AtomicInteger acquired = new AtomicInteger();

    TestPolicies() {
        factories.put(FifoScheduler.NAME, FifoScheduler.FACTORY);
    }

    static SchedulerChoice choice(String name) {
        return new SchedulerChoice(name, "test", new Version(1, 0, 0), "", null);
    }

    TestPolicies with(String name, SchedulerFactory factory) {
        factories.put(name, factory);
        return this;
    }

    @Override
    public SchedulerFactory acquire(SchedulerChoice choice) {
        acquired.incrementAndGet();
        return factories.get(choice.name());
    }

    @Override
    public void release(SchedulerChoice choice) {
        acquired.decrementAndGet();
    }

    @Override
    public SchedulerChoice fifo() {
        return fifo;
    }

    @Override
    public SchedulerChoice named(String name) {
        return factories.containsKey(name) ? (name.equals(FifoScheduler.NAME) ? fifo : choice(name)) : null;
    }

    static PartitionConfig config(int workers, String watchdog) throws Exception {
        return PartitionConfig.parse(Map.of("name", "test", "cpus", "0", "workers", workers, "watchdog", watchdog),
                CpuSet.parse("0-1"));
    }

    /** Newest first: the opposite of FIFO, so a swap between the two really reorders what is queued. */
    static final class Lifo implements Scheduler {
        private final ArrayDeque<Task> stack = new ArrayDeque<>();
        private final SchedulerContext context;

        Lifo(SchedulerContext context) {
            this.context = context;
            for (int i = 0; i < context.parallelism(); i++) {
                context.startWorker(this::work);
            }
        }

        private void work() {
            while (context.active()) {
                Task next;
                synchronized (this) {
                    while ((next = stack.pollFirst()) == null) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                next.run();
            }
        }

        @Override
        public synchronized void submit(Task task) {
            stack.addFirst(task);
            notify();
        }

        @Override
        public synchronized List<Task> handBack() {
            List<Task> all = new ArrayList<>(stack);
            stack.clear();
            return all;
        }
    }

    /** Accepts everything and runs nothing: the stall the watchdog exists for. */
    static class Stalled implements Scheduler {
        final List<Task> kept = new ArrayList<>();

        @Override
        public synchronized void submit(Task task) {
            kept.add(task);
        }

        @Override
        public synchronized List<Task> handBack() {
            return List.copyOf(kept);
        }
    }
}
