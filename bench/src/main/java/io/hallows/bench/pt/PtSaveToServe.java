package io.hallows.bench.pt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Save to serving, end to end in the real stack: the exported stack jar runs as a child process
 * ({@link StackProcess}) watching a temporary folder that holds {@link ShopModule} (about 200
 * lines). Each round rewrites the file with {@code Catalog.revision()} returning a new number and,
 * from the end of the folder's quiet period on, polls {@code pt:call} through the stack's shell
 * every {@value #POLL_MILLIS} ms until it answers that number (polling faster would load the 2
 * cores the deployer needs). Recorded per round: save → first right answer, save → the deployer's
 * {@code ... updated ... in N ms} line (the watched folder deploys a file once it has been quiet
 * for 150 ms), and N, the deployer's own time. A second series saves a copy of the module outside
 * the watched folder and deploys it with {@code pt:deploy} through the shell: the same path without
 * the folder's quiet period. A third times {@code JavaModuleCompiler} alone on the same source in
 * this JVM, the compile part of the deployer's time.
 *
 * <p>Not a JMH benchmark (a latency distribution over a child process). {@code BenchMain} runs it
 * after the JMH run; {@link #main} runs it alone: {@code PtSaveToServe [rounds] [stack jar]}.
 */
public final class PtSaveToServe {
    private static final String WATCHED = "savebench";
    private static final String DIRECT = "savedirect";
    private static final int WARMUPS = 5;
    private static final long POLL_MILLIS = 20;
    /** The watched folder's quiet period: no deployment can start sooner, so polling starts then. */
    private static final long QUIET_MILLIS = 150;
    /** A pause after each save, so the previous refresh has settled. */
    private static final long SETTLE_MILLIS = 200;
    private static final long FIRST_REVISION = 1000;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOOK = Pattern.compile(" in (\\d+) ms$");
    private static final Predicate<String> NUMBER = Pattern.compile("-?\\d+").asMatchPredicate();

    /**
     * One save, from the start of the file's write.
     *
     * @param servedNanos    until the first {@code pt:call} answering the new revision
     * @param reportNanos    until the deployer's line (watched folder) or {@code pt:deploy}'s answer arrived
     * @param deployerMillis the deployer's own time, as its report says
     */
    public record Round(long servedNanos, long reportNanos, long deployerMillis) {
    }

    /**
     * The measured rounds of each series, the compile-only times and the round trips of
     * {@code pt:call} on an idle stack (the polling's resolution), in ns; the deployer's own times
     * of the first two deployments after the stack started (cold: the watched module at start, then
     * the other one by {@code pt:deploy}), in ms; the framework's error lines of the whole run,
     * warm-ups included.
     */
    public record Result(List<Round> watched, List<Round> direct, long[] compileNanos, long[] callNanos, long[] coldMillis,
            List<String> stackErrors) {
    }

    private PtSaveToServe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Result result = run(Path.of(args.length > 1 ? args[1] : "run/target/hallows.jar"), rounds);
        if (result != null) {
            print(result);
        }
    }

    /**
     * Runs {@value #WARMUPS} unmeasured rounds, then {@code rounds}, of each series. The stack file is
     * {@code stacks/default.json} beside the jar's {@code target} folder. Null when the jar is missing.
     */
    public static Result run(Path jar, int rounds) throws Exception {
        if (!Files.isRegularFile(jar)) {
            System.err.println("PtSaveToServe skipped: no stack jar at " + jar.toAbsolutePath() + "; build it with\n"
                    + "  run/hallows build");
            return null;
        }
        Path defaults = jar.toAbsolutePath().getParent().getParent().resolve("stacks").resolve("default.json");
        long[] compile = compileOnly(rounds);
        Path work = Files.createTempDirectory("hallows-pt-bench");
        // The default stack, with the deployer's INFO lines on the console: the harness times them there.
        String stackText = Files.readString(defaults);
        if (!stackText.contains("\"console.level\": \"WARN\"")) {
            throw new IllegalStateException(defaults + " no longer sets \"console.level\": \"WARN\"; adapt the harness");
        }
        Path stackFile = Files.writeString(work.resolve("stack.json"), stackText.replace("\"console.level\": \"WARN\"", "\"console.level\": \"INFO\""));
        Path apps = Files.createDirectories(work.resolve("apps"));
        Path direct = Files.createDirectories(work.resolve("direct")).resolve(DIRECT + ".pt");
        Path watched = apps.resolve(WATCHED + ".pt");
        Files.writeString(watched, ShopModule.source(WATCHED, FIRST_REVISION));
        boolean done = false;
        try {
            Result result;
            long started = System.nanoTime();
            try (StackProcess stack = StackProcess.start(jar, stackFile, apps, work)) {
                stack.await(l -> !l.err() && l.text().startsWith("hallows: ready"), Duration.ofSeconds(120));
                long coldWatched = took(stack.ptLine(started, WATCHED + ".pt deployed", Duration.ofSeconds(120)).text());
                Files.writeString(direct, ShopModule.source(DIRECT, FIRST_REVISION));
                long coldDirect = took(deploy(stack, direct).text());
                List<Round> saved = new ArrayList<>();
                List<Round> deployed = new ArrayList<>();
                // Alternated, so both series see the stack equally warm.
                for (int i = 1; i <= WARMUPS + rounds; i++) {
                    Round viaFolder = watchedRound(stack, watched, FIRST_REVISION + i);
                    Round viaShell = directRound(stack, direct, FIRST_REVISION + i);
                    if (i > WARMUPS) {
                        saved.add(viaFolder);
                        deployed.add(viaShell);
                    }
                }
                long[] calls = callRoundTrips(stack, rounds);
                result = new Result(saved, deployed, compile, calls, new long[] {coldWatched, coldDirect},
                        stack.errors().stream().map(StackProcess.Line::text).toList());
            }
            done = true;
            return result;
        } finally {
            if (done) {
                delete(work);
            } else {
                System.err.println("PtSaveToServe failed; the stack's output is in " + work.resolve("stack.log"));
            }
        }
    }

    private static long[] compileOnly(int rounds) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < WARMUPS + rounds; i++) {
            String source = ShopModule.source(WATCHED, FIRST_REVISION + i);
            long start = System.nanoTime();
            LoadedModule.compile(WATCHED + ".pt", source);
            if (i >= WARMUPS) {
                nanos[i - WARMUPS] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static Round watchedRound(StackProcess stack, Path file, long revision) throws Exception {
        long start = System.nanoTime();
        Files.writeString(file, ShopModule.source(WATCHED, revision));
        Thread.sleep(QUIET_MILLIS);
        StackProcess.Answer served = awaitRevision(stack, WATCHED, revision, start);
        StackProcess.Line report = stack.ptLine(start, file.getFileName() + " updated", Duration.ofSeconds(30));
        Thread.sleep(SETTLE_MILLIS);
        return new Round(served.nanos() - start, report.nanos() - start, took(report.text()));
    }

    private static Round directRound(StackProcess stack, Path file, long revision) throws Exception {
        long start = System.nanoTime();
        Files.writeString(file, ShopModule.source(DIRECT, revision));
        StackProcess.Answer deployed = deploy(stack, file);
        StackProcess.Answer served = awaitRevision(stack, DIRECT, revision, start);
        Thread.sleep(SETTLE_MILLIS);
        return new Round(served.nanos() - start, deployed.nanos() - start, took(deployed.text()));
    }

    private static long[] callRoundTrips(StackProcess stack, int rounds) throws Exception {
        long[] nanos = new long[rounds];
        for (int i = 0; i < WARMUPS + rounds; i++) {
            long start = System.nanoTime();
            StackProcess.Answer answer = stack.command(call(DIRECT), NUMBER, ROUND_TIMEOUT);
            if (i >= WARMUPS) {
                nanos[i - WARMUPS] = answer.nanos() - start;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return nanos;
    }

    private static String call(String module) {
        return "pt:call " + module + " " + ShopModule.SERVICE + " " + ShopModule.OPERATION;
    }

    private static StackProcess.Answer deploy(StackProcess stack, Path file) throws Exception {
        String report = file.getFileName() + " ";
        StackProcess.Answer answer = stack.command("pt:deploy " + file, l -> l.startsWith(report), ROUND_TIMEOUT);
        if (!answer.ok()) {
            throw new IllegalStateException("pt:deploy failed: " + answer.text());
        }
        return answer;
    }

    private static StackProcess.Answer awaitRevision(StackProcess stack, String module, long revision, long start) throws Exception {
        while (true) {
            StackProcess.Answer answer = stack.command(call(module), NUMBER, ROUND_TIMEOUT);
            if (answer.ok() && answer.text().equals(Long.toString(revision))) {
                return answer;
            }
            if (System.nanoTime() - start > ROUND_TIMEOUT.toNanos()) {
                throw new IllegalStateException(module + " revision " + revision + " not served within " + ROUND_TIMEOUT.toSeconds()
                        + " s; last answer: " + answer.text());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static long took(String report) {
        Matcher m = TOOK.matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no time in the deployer's report: " + report);
        }
        return Long.parseLong(m.group(1));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public static void print(Result r) {
        System.out.printf("# Parseltongue: save to serving (%d rounds after %d warm-ups, %d-line module, pt:call polled every %d ms)%n%n",
                r.watched().size(), WARMUPS, ShopModule.source(WATCHED, FIRST_REVISION).lines().count(), POLL_MILLIS);
        System.out.println("| | p50 | max | min |");
        System.out.println("|---|---:|---:|---:|");
        row("watched folder: save → new revision serving", of(r.watched(), Round::servedNanos));
        row("  save → deployer's line", of(r.watched(), Round::reportNanos));
        row("  of which the deployer (its report)", of(r.watched(), d -> d.deployerMillis() * 1_000_000));
        row("  of which detection + quiet period", of(r.watched(), d -> d.reportNanos() - d.deployerMillis() * 1_000_000));
        row("  deployer's line → new revision serving (negative: served first)", of(r.watched(), d -> d.servedNanos() - d.reportNanos()));
        row("pt:deploy: save → new revision serving", of(r.direct(), Round::servedNanos));
        row("  save → pt:deploy's answer", of(r.direct(), Round::reportNanos));
        row("  of which the deployer (its report)", of(r.direct(), d -> d.deployerMillis() * 1_000_000));
        row("  pt:deploy's answer → new revision serving", of(r.direct(), d -> d.servedNanos() - d.reportNanos()));
        row("compile only (JavaModuleCompiler, harness JVM)", r.compileNanos());
        row("pt:call round trip through the shell, idle", r.callNanos());
        System.out.println();
        System.out.println("In order, watched folder, save → serving (ms): " + inOrder(of(r.watched(), Round::servedNanos)));
        System.out.println("In order, pt:deploy, save → serving (ms): " + inOrder(of(r.direct(), Round::servedNanos)));
        System.out.println("First deployments after start (cold), the deployer's time (ms): watched folder " + r.coldMillis()[0]
                + ", then pt:deploy " + r.coldMillis()[1]);
        System.out.println("Framework error lines during the run: " + r.stackErrors().size());
        r.stackErrors().forEach(e -> System.out.println("  " + e));
    }

    private static String inOrder(long[] nanos) {
        return String.join(" ", Arrays.stream(nanos).mapToObj(n -> Long.toString(Math.round(n / 1e6))).toList());
    }

    private static long[] of(List<Round> rounds, ToLongFunction<Round> nanos) {
        return rounds.stream().mapToLong(nanos).toArray();
    }

    private static void row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return;
        }
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms |%n", label, sorted[(sorted.length - 1) / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted[0] / 1e6);
    }
}
