package io.hallows.bench;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Swap pauses under load, measured by the kernel itself ({@link SwapRecord#pauseNanos()}: how
 * long submissions waited in the bypass). A producer submits at a steady {@value #RATE} tasks/s,
 * paced against a schedule, with a mix of plain, keyed, batched and deadline tasks, while the
 * partition swaps every {@value #SWAP_EVERY_MS} ms through fifo and the four policies. Swaps of
 * the first second are warm-up and not counted. Afterwards every task must have run exactly once,
 * and each key's tasks in order.
 *
 * <p>Not a JMH benchmark (a pause distribution is not a score): {@link BenchMain} runs it after
 * the JMH run, in the same command; {@link #main} runs it alone.
 */
final class SwapPause {
    static final int RATE = 100_000;
    static final int SWAP_EVERY_MS = 10;
    private static final List<String> ROTATION = List.of("workstealing", "frame", "batch", "keyed", "fifo");
    private static final int KEYS = 16;
    private static final TaskHints[] HINTS = hints();

    /** The pauses (or another time) of some swaps, in ns, sorted, and how many tasks those swaps moved. */
    record Pauses(long[] nanos, long moved) {
        static Pauses of(List<SwapRecord> swaps) {
            return of(swaps, SwapRecord::pauseNanos);
        }

        static Pauses of(List<SwapRecord> swaps, ToLongFunction<SwapRecord> time) {
            long[] sorted = swaps.stream().mapToLong(time).sorted().toArray();
            return new Pauses(sorted, swaps.stream().mapToLong(SwapRecord::handedBack).sum());
        }

        long quantile(double q) {
            return nanos.length == 0 ? 0 : nanos[Math.max(0, (int) Math.ceil(q * nanos.length) - 1)];
        }

        long max() {
            return nanos.length == 0 ? 0 : nanos[nanos.length - 1];
        }

        @Override
        public String toString() {
            return String.format("%3d swaps: p50 %7.1f us, p99 %7.1f us, max %7.1f us; %5.0f tasks moved per swap", nanos.length,
                    quantile(0.5) / 1e3, quantile(0.99) / 1e3, max() / 1e3, (double) moved / Math.max(1, nanos.length));
        }
    }

    /**
     * @param all every measured swap's pause; byTransition, the same by {@code from -> to}
     * @param handover every measured swap's handover (until the moved tasks were with the new scheduler)
     * @param steps each step's times over the measured swaps, by step name in the order they run
     * @param firstSwap the first swap after the partition started (in the warm-up), pause and handover
     * @param lost tasks that never ran; duplicated, tasks that ran more than once
     * @param outOfOrder keyed tasks that ran before an earlier task of their key
     * @param producerLagMaxNanos how far the producer fell behind its schedule at worst, after warm-up
     * @param aborts schedulers the watchdog or their own failure aborted meanwhile
     */
    record Result(Pauses all, Map<String, Pauses> byTransition, Pauses handover, Map<String, Pauses> steps,
            SwapRecord firstSwap, int submitted, int lost, int duplicated, int outOfOrder,
            long producerLagMaxNanos, List<String> aborts) {
    }

    private SwapPause() {
    }

    public static void main(String[] args) throws InterruptedException {
        print(run(Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 4)));
    }

    static Result run(Duration measured) throws InterruptedException {
        long warmup = TimeUnit.SECONDS.toNanos(1);
        int total = (int) ((warmup + measured.toNanos()) / (1_000_000_000L / RATE));
        AtomicIntegerArray runs = new AtomicIntegerArray(total);
        int[] lastOfKey = new int[KEYS];
        AtomicInteger outOfOrder = new AtomicInteger();
        long[] lag = new long[1];
        List<SwapRecord> swaps = new ArrayList<>();
        SwapRecord[] first = new SwapRecord[1];
        List<String> aborts;
        try (PartitionScheduling kernel = Work.scheduling()) {
            ScheduledPartition partition = Work.partition(kernel, "fifo", Map.of());
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
            Thread producer = Thread.ofPlatform().name("bench-producer").start(() -> {
                long period = 1_000_000_000L / RATE;
                int[] seqOfKey = new int[KEYS];
                for (int i = 0; i < total; i++) {
                    long due = start + i * period;
                    long late = System.nanoTime() - due;
                    if (late < 0) {
                        LockSupport.parkNanos(-late);
                    } else if (due > start + warmup) {
                        lag[0] = Math.max(lag[0], late);
                    }
                    int id = i;
                    int h = i % HINTS.length;
                    int key = h % 4 == 1 ? h / 4 : -1; // hints() puts key k at 4k + 1
                    int seq = key < 0 ? 0 : ++seqOfKey[key];
                    partition.executor().execute(() -> {
                        runs.incrementAndGet(id);
                        if (key >= 0) { // one task of a key at a time, released in order by the kernel
                            if (lastOfKey[key] != seq - 1) {
                                outOfOrder.incrementAndGet();
                            }
                            lastOfKey[key] = seq;
                        }
                    }, HINTS[h]);
                }
            });
            long countFrom = start + warmup;
            for (int n = 1; producer.isAlive(); n++) {
                LockSupport.parkNanos(start + n * TimeUnit.MILLISECONDS.toNanos(SWAP_EVERY_MS) - System.nanoTime());
                SwapRecord r = partition.swapTo(ROTATION.get(n % ROTATION.size()));
                if (first[0] == null) {
                    first[0] = r;
                }
                if (r != null && System.nanoTime() > countFrom) {
                    swaps.add(r);
                }
            }
            producer.join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partition.stats().completed() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            // A switch not made by the operator (here: by swapTo) is the watchdog's or a scheduler's own abort.
            aborts = partition.stats().swaps().stream().filter(r -> r.reason() != ExitReason.OPERATOR)
                    .map(r -> r.from() + " " + r.reason() + ": " + r.detail()).toList();
        }
        int lost = 0;
        int duplicated = 0;
        for (int i = 0; i < total; i++) {
            lost += runs.get(i) == 0 ? 1 : 0;
            duplicated += runs.get(i) > 1 ? 1 : 0;
        }
        Map<String, Pauses> byTransition = new TreeMap<>();
        swaps.stream().collect(Collectors.groupingBy(r -> policy(r.from()) + " -> " + policy(r.to())))
                .forEach((transition, those) -> byTransition.put(transition, Pauses.of(those)));
        Map<String, Pauses> steps = new java.util.LinkedHashMap<>();
        swaps.stream().flatMap(r -> r.stepNanos().keySet().stream()).distinct().forEach(step -> steps.put(step,
                Pauses.of(swaps.stream().filter(r -> r.stepNanos().containsKey(step)).toList(), r -> r.stepNanos().get(step))));
        return new Result(Pauses.of(swaps), byTransition, Pauses.of(swaps, SwapRecord::handoverNanos), steps, first[0], total,
                lost, duplicated, outOfOrder.get(), lag[0], aborts);
    }

    /** {@code frame} from a scheduler label such as {@code frame@0.0.0}. */
    private static String policy(String label) {
        int at = label.indexOf('@');
        return at < 0 ? label : label.substring(0, at);
    }

    static void print(Result r) {
        System.out.printf("swap pause under %,d tasks/s, a swap every %d ms: %s%n", RATE, SWAP_EVERY_MS, r.all());
        r.byTransition().forEach((transition, pauses) -> System.out.printf("  %-22s %s%n", transition, pauses));
        System.out.printf("handover (until the moved tasks are with the new scheduler): %s%n", r.handover());
        r.steps().forEach((step, times) -> System.out.printf("  step %-12s %s%n", step, times));
        if (r.firstSwap() != null) {
            System.out.printf("first swap after start: pause %.1f us, handover %.1f us, steps %s%n", r.firstSwap().pauseNanos() / 1e3,
                    r.firstSwap().handoverNanos() / 1e3, r.firstSwap().stepNanos());
        }
        System.out.printf("tasks: %,d submitted, %d lost, %d ran twice, %d keyed out of order; producer lag max %.2f ms%n",
                r.submitted(), r.lost(), r.duplicated(), r.outOfOrder(), r.producerLagMaxNanos() / 1e6);
        r.aborts().forEach(a -> System.out.println("  scheduler aborted: " + a));
    }

    private static TaskHints[] hints() {
        List<TaskHints> mix = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            mix.add(TaskHints.NONE);
            mix.add(TaskHints.key("k" + i));
            mix.add(TaskHints.batch("b" + i % 4));
            mix.add(TaskHints.deadline(Duration.ofMillis(16)));
        }
        return mix.toArray(TaskHints[]::new);
    }
}
