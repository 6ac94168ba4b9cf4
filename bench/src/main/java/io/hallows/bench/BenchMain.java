package io.hallows.bench;

import io.hallows.bench.pt.PtSaveToServe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The benchmarks jar's entry point: runs JMH with the given arguments (as {@code org.openjdk.jmh.Main}
 * would), then the swap-pause, isolation and Parseltongue save-to-serving harnesses, then prints
 * every Hallows figure (kernel, generated code) beside its peer's with the ratio, as markdown tables.
 * {@code -Dhallows.bench.swapSeconds=N} sets how long swaps are measured (default 4),
 * {@code -Dhallows.bench.isolationSeconds=N} how long each isolation setup is (default 10),
 * {@code -Dhallows.bench.ptRounds=N} how many saves are measured (default 20; it needs the stack
 * jar, {@code -Dhallows.bench.stackJar}, default {@code run/target/hallows.jar}); 0 skips any.
 */
public final class BenchMain {
    /** JMH options that only print something; handed to JMH's own main as they are. */
    private static final Set<String> LISTINGS = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");

    /** A Hallows benchmark (kernel or generated code) and the peer it is compared with. */
    private record Pair(String hallows, String peer) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("DispatchBenchmark.kernelFifo", "DispatchBenchmark.forkJoinPool"),
            new Pair("DispatchBenchmark.kernelFifoKeyed", "DispatchBenchmark.forkJoinPool"),
            new Pair("DispatchBenchmark.kernelFifoProxied", "DispatchBenchmark.forkJoinPool"),
            new Pair("DispatchBenchmark.kernelFifo", "DispatchBenchmark.threadPoolExecutor"),
            new Pair("KeyedBenchmark.kernelKeyed", "KeyedBenchmark.singleThreadPerKey"),
            new Pair("KeyedBenchmark.kernelKeyed", "KeyedBenchmark.forkJoinPoolUnordered"),
            new Pair("FrameBenchmark.kernelFrame", "FrameBenchmark.kernelFifo"),
            new Pair("FrameBenchmark.kernelFrame", "FrameBenchmark.forkJoinPool"),
            new Pair("BatchBenchmark.kernelBatch", "BatchBenchmark.forkJoinPoolUnbatched"),
            new Pair("BatchBenchmark.kernelFifo", "BatchBenchmark.forkJoinPoolUnbatched"),
            new Pair("WorkStealingBenchmark.kernelWorkStealing", "WorkStealingBenchmark.forkJoinPool"),
            new Pair("WorkStealingBenchmark.kernelFifo", "WorkStealingBenchmark.forkJoinPool"),
            new Pair("HalCallBenchmark.nativeCurrentCpu", "HalCallBenchmark.portableCurrentCpu"),
            new Pair("HalCallBenchmark.nativeCurrentCpu", "HalCallBenchmark.jnrSchedGetcpu"),
            new Pair("HalCallBenchmark.nativeThreadId", "HalCallBenchmark.portableThreadId"),
            new Pair("HalCallBenchmark.nativeMonotonicRaw", "HalCallBenchmark.systemNanoTime"),
            new Pair("HalCallBenchmark.nativeMonotonicRaw", "HalCallBenchmark.jnrClockGettime"),
            new Pair("PricingBenchmark.parseltongue", "PricingBenchmark.javaIdiomatic"),
            new Pair("PricingBenchmark.parseltongue", "PricingBenchmark.javaExact"),
            new Pair("PricingBenchmark.parseltongue", "PricingBenchmark.javaExactLiveState"),
            new Pair("PricingBenchmark.parseltongue", "PricingBenchmark.javaExactCowVar"));

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).stream().anyMatch(LISTINGS::contains)) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        Map<String, RunResult> byName = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), r);
        }
        int swapSeconds = Integer.getInteger("hallows.bench.swapSeconds", 4);
        SwapPause.Result swaps = swapSeconds > 0 ? SwapPause.run(Duration.ofSeconds(swapSeconds)) : null;
        int isolationSeconds = Integer.getInteger("hallows.bench.isolationSeconds", 10);
        Isolation.Result isolation = isolationSeconds > 0 ? Isolation.run(Duration.ofSeconds(isolationSeconds)) : null;
        int ptRounds = Integer.getInteger("hallows.bench.ptRounds", 20);
        PtSaveToServe.Result saves = ptRounds > 0
                ? PtSaveToServe.run(Path.of(System.getProperty("hallows.bench.stackJar", "run/target/hallows.jar")), ptRounds) : null;

        System.out.println();
        System.out.println("# Hallows vs peers (ratio = Hallows / peer; lower is better for every score here)");
        System.out.println();
        System.out.println("| hallows | peer | hallows score | peer score | ratio |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Pair p : PAIRS) {
            RunResult k = byName.get(p.hallows());
            RunResult q = byName.get(p.peer());
            if (k != null && q != null) {
                Result<?> ks = k.getPrimaryResult();
                Result<?> qs = q.getPrimaryResult();
                double ratio = ks.getScore() / qs.getScore();
                System.out.printf("| %s | %s | %s | %s | " + (ratio < 0.01 ? "%.2gx" : "%.2fx") + " |%n", p.hallows(), p.peer(), score(ks),
                        score(qs), ratio);
            }
        }
        deadlines(byName);
        if (swaps != null) {
            System.out.println();
            SwapPause.print(swaps);
        }
        if (isolation != null) {
            System.out.println();
            Isolation.print(isolation);
        }
        if (saves != null) {
            System.out.println();
            PtSaveToServe.print(saves);
        }
    }

    private static void deadlines(Map<String, RunResult> byName) {
        List<String> frames = byName.keySet().stream().filter(n -> n.startsWith("FrameBenchmark.")).sorted().toList();
        if (frames.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("| frame workload | urgent tasks | missed deadlines | miss ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (String name : frames) {
            var aux = byName.get(name).getSecondaryResults();
            Result<?> urgent = aux.get("urgentTasks");
            Result<?> missed = aux.get("missedDeadlines");
            if (urgent != null && missed != null) {
                System.out.printf("| %s | %.0f | %.0f | %.1f%% |%n", name, urgent.getScore(), missed.getScore(),
                        100 * missed.getScore() / Math.max(1, urgent.getScore()));
            }
        }
    }

    private static String score(Result<?> r) {
        return Double.isNaN(r.getScoreError())
                ? String.format("%.1f %s", r.getScore(), r.getScoreUnit())
                : String.format("%.1f ± %.1f %s", r.getScore(), r.getScoreError(), r.getScoreUnit());
    }
}
