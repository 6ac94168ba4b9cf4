package io.hallows.bench.olap;

import io.hallows.db.olap.impl.engine.QueryEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TPC-H benchmark of bench/olap/run: the 22 queries on DuckDB and on the Hallows engine, both in
 * this JVM and holding the same rows, for each thread count; per query and side a warm-up, then the
 * median of the measured runs. The two sides take turns query by query (never at once), so that a
 * noisy neighbour hits both alike. Prints the tables, the goals and the EXPLAIN ANALYZE of both
 * engines for the queries slowest relative to DuckDB. Output is for the operator: stdout.
 *
 * <p>Arguments (all given by the run script): {@code sf reps warmup threads(1,2) queriesDir dataDir
 * timeoutSeconds explainCount queryMemoryBytes}. Exit status 0 if every query was measured on both sides, else 1.
 */
public final class OlapBench {
    private OlapBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: OlapBench sf reps warmup threads queriesDir dataDir timeoutSeconds explainCount queryMemoryBytes");
            System.exit(2);
        }
        double sf = Double.parseDouble(args[0]);
        int reps = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        List<Integer> threads = new ArrayList<>();
        for (String t : args[3].split(",")) {
            threads.add(Integer.parseInt(t));
        }
        Map<String, String> queries = queries(Path.of(args[4]));
        TblFiles files = new TblFiles(Path.of(args[5]));
        long timeoutNanos = Long.parseLong(args[6]) * 1_000_000_000L;
        int explainCount = Integer.parseInt(args[7]);
        long queryMemory = Long.parseLong(args[8]);

        long t0 = System.nanoTime();
        int written = files.ensure(sf);
        say("data: scale factor %s in %s (%s)", fmt(sf), args[5], written == 0 ? "cached" : written + " files generated in " + seconds(t0));

        t0 = System.nanoTime();
        DuckDbSide duck = new DuckDbSide(files);
        say("DuckDB %s: loaded in %s", duck.version(), seconds(t0));
        HallowsSide hallows = null;
        String hallowsProblem = null;
        try {
            QueryEngine engine = HallowsSide.engine();
            t0 = System.nanoTime();
            hallows = new HallowsSide(engine, files, timeoutNanos, queryMemory);
            say("Hallows: loaded in %s", seconds(t0));
            Map<String, List<Long>> mine = hallows.checksums();
            Map<String, List<Long>> theirs = duck.checksums();
            say(mine.equals(theirs) ? "same data: row counts and column sums match"
                    : "DATA DIFFERS between the two sides (row count, then sums of the integer, date and decimal columns):%n  Hallows %s%n  DuckDB  %s", mine, theirs);
        } catch (ReflectiveOperationException | LinkageError e) {
            hallowsProblem = "no engine: " + HallowsSide.ENGINE_CLASS + " cannot be made from the installed io.hallows.db.olap (" + e + ")";
            say("HALLOWS NOT MEASURED: %s", hallowsProblem);
        }

        List<String> names = new ArrayList<>(queries.keySet());
        Map<Integer, Map<String, Timing>> duckTimes = new LinkedHashMap<>();
        Map<Integer, Map<String, Timing>> hallowsTimes = new LinkedHashMap<>();
        for (int n : threads) {
            duck.threads(n);
            if (hallows != null) {
                hallows.threads(n);
            }
            Map<String, Timing> d = new LinkedHashMap<>();
            Map<String, Timing> h = new LinkedHashMap<>();
            for (String q : names) {
                d.put(q, measure(duck, queries.get(q), warmup, reps));
                h.put(q, hallows == null ? Timing.failed(hallowsProblem) : measure(hallows, queries.get(q), warmup, reps));
                say("%d thread%s %s: DuckDB %s, Hallows %s", n, n == 1 ? "" : "s", q, brief(d.get(q)), brief(h.get(q)));
            }
            duckTimes.put(n, d);
            hallowsTimes.put(n, h);
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nTPC-H at scale factor %s: median of %d runs after %d warm-up, ms per query (all rows fetched)%n", fmt(sf), reps, warmup));
        for (int n : threads) {
            report.append(Report.table(n, names, duckTimes.get(n), hallowsTimes.get(n)));
        }
        int single = threads.contains(1) ? 1 : threads.get(0);
        report.append(Report.goals(names, duckTimes.get(single), hallowsTimes.get(single)));
        System.out.print(report);
        if (hallows != null) {
            explainSlowest(names, queries, duck, hallows, duckTimes.get(single), hallowsTimes.get(single), single, explainCount);
            hallows.close();
        }
        duck.close();
        boolean complete = hallowsTimes.values().stream().allMatch(m -> m.values().stream().allMatch(Timing::measured))
                && duckTimes.values().stream().allMatch(m -> m.values().stream().allMatch(Timing::measured));
        System.exit(complete ? 0 : 1);
    }

    private static Timing measure(Side side, String sql, int warmup, int reps) {
        try {
            for (int i = 0; i < warmup; i++) {
                side.run(sql);
            }
            double[] samples = new double[reps];
            long rows = -1;
            for (int i = 0; i < reps; i++) {
                long start = System.nanoTime();
                rows = side.run(sql);
                samples[i] = (System.nanoTime() - start) / 1e6;
            }
            return new Timing(Timing.median(samples), rows, null);
        } catch (Exception | LinkageError | AssertionError e) {
            return Timing.failed(String.valueOf(e).replace('\n', ' '));
        }
    }

    /** EXPLAIN ANALYZE on both sides of the queries with the highest ratio (or that failed on Hallows). */
    private static void explainSlowest(List<String> names, Map<String, String> queries, Side duck, Side hallows,
            Map<String, Timing> d, Map<String, Timing> h, int threads, int count) throws Exception {
        List<String> ranked = new ArrayList<>(names);
        ranked.removeIf(q -> Double.isNaN(Report.ratio(d.get(q), h.get(q))));
        ranked.sort(Comparator.comparingDouble((String q) -> Report.ratio(d.get(q), h.get(q))).reversed());
        duck.threads(threads);
        hallows.threads(threads);
        for (String q : ranked.subList(0, Math.min(count, ranked.size()))) {
            System.out.printf(Locale.ROOT, "%n## %s: %.2fx DuckDB (%d thread%s)%n%nHallows EXPLAIN ANALYZE:%n", q, Report.ratio(d.get(q), h.get(q)), threads, threads == 1 ? "" : "s");
            System.out.println(safely(() -> hallows.explainAnalyze(queries.get(q))));
            System.out.printf("DuckDB EXPLAIN ANALYZE:%n%s%n", safely(() -> duck.explainAnalyze(queries.get(q))));
        }
    }

    private interface Text {
        String get() throws Exception;
    }

    private static String safely(Text t) {
        try {
            return t.get();
        } catch (Exception | LinkageError e) {
            return "(failed: " + e + ")";
        }
    }

    private static Map<String, String> queries(Path dir) throws IOException {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 1; i <= 22; i++) {
            String name = String.format(Locale.ROOT, "q%02d", i);
            q.put(name, Files.readString(dir.resolve(name + ".sql"), StandardCharsets.UTF_8).strip());
        }
        return q;
    }

    private static String brief(Timing t) {
        return t.measured() ? String.format(Locale.ROOT, "%.1f ms (%d rows)", t.millis(), t.rows()) : "failed";
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static String fmt(double sf) {
        return sf == Math.rint(sf) ? Long.toString((long) sf) : Double.toString(sf);
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
