package io.hallows.bench.olap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of a run: per thread count, one row per query (DuckDB ms, Hallows ms, the ratio
 * Hallows / DuckDB), the geometric mean of the ratios, and the goals — every query at most
 * {@value #QUERY_GOAL}x DuckDB single-threaded, geometric mean at most {@value #GEOMEAN_GOAL}x.
 */
final class Report {
    static final double QUERY_GOAL = 2.0;
    static final double GEOMEAN_GOAL = 1.5;

    private Report() {}

    /** The ratio Hallows / DuckDB of a query, NaN unless both were measured. */
    static double ratio(Timing duck, Timing hallows) {
        return duck.measured() && hallows.measured() && duck.millis() > 0 ? hallows.millis() / duck.millis() : Double.NaN;
    }

    static double geomean(List<Double> ratios) {
        double logs = 0;
        for (double r : ratios) {
            logs += Math.log(r);
        }
        return ratios.isEmpty() ? Double.NaN : Math.exp(logs / ratios.size());
    }

    /** The table of one thread count; {@code duck} and {@code hallows} map query name to timing. */
    static String table(int threads, List<String> queries, Map<String, Timing> duck, Map<String, Timing> hallows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%d thread%s%n", threads, threads == 1 ? "" : "s"));
        out.append("| Query | DuckDB ms | Hallows ms | Ratio | Rows |\n|---|---:|---:|---:|---:|\n");
        List<Double> ratios = new ArrayList<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (String q : queries) {
            Timing d = duck.get(q);
            Timing h = hallows.get(q);
            double r = ratio(d, h);
            if (!Double.isNaN(r)) {
                ratios.add(r);
            }
            String rows = d.rows() == h.rows() || !h.measured() ? Long.toString(d.rows()) : d.rows() + " vs " + h.rows() + " (differ)";
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", q, ms(d), ms(h), Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r), rows));
            note(notes, q, "DuckDB", d);
            note(notes, q, "Hallows", h);
        }
        double g = geomean(ratios);
        out.append(String.format(Locale.ROOT, "Geometric mean of the ratios: %s (%d of %d queries measured on both sides)%n",
                Double.isNaN(g) ? "-" : String.format(Locale.ROOT, "%.2fx", g), ratios.size(), queries.size()));
        notes.forEach((why, which) -> out.append("  not measured: ").append(String.join(", ", which)).append(": ").append(why).append('\n'));
        return out.toString();
    }

    /** The goals, judged on the single-threaded figures. */
    static String goals(List<String> queries, Map<String, Timing> duck, Map<String, Timing> hallows) {
        List<String> over = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (String q : queries) {
            double r = ratio(duck.get(q), hallows.get(q));
            if (Double.isNaN(r)) {
                missing.add(q);
            } else {
                ratios.add(r);
                if (r > QUERY_GOAL) {
                    over.add(String.format(Locale.ROOT, "%s %.2fx", q, r));
                }
            }
        }
        double g = geomean(ratios);
        boolean everyQuery = over.isEmpty() && missing.isEmpty();
        boolean mean = missing.isEmpty() && g <= GEOMEAN_GOAL;
        StringBuilder out = new StringBuilder("\nGoals (1 thread, Hallows / DuckDB):\n");
        out.append(String.format(Locale.ROOT, "- every query <= %.1fx: %s%n", QUERY_GOAL, everyQuery ? "MET"
                : "NOT MET" + (over.isEmpty() ? "" : " (over: " + String.join(", ", over) + ")") + (missing.isEmpty() ? "" : " (not measured: " + String.join(", ", missing) + ")")));
        out.append(String.format(Locale.ROOT, "- geometric mean <= %.1fx: %s%n", GEOMEAN_GOAL, mean ? String.format(Locale.ROOT, "MET (%.2fx)", g)
                : "NOT MET" + (Double.isNaN(g) ? "" : String.format(Locale.ROOT, " (%.2fx)", g)) + (missing.isEmpty() ? "" : " (" + missing.size() + " queries not measured)")));
        return out.toString();
    }

    private static String ms(Timing t) {
        return t.measured() ? String.format(Locale.ROOT, "%.1f", t.millis()) : "-";
    }

    /** Queries that failed for the same reason are listed together under it. */
    private static void note(Map<String, List<String>> notes, String q, String side, Timing t) {
        if (!t.measured()) {
            notes.computeIfAbsent(side + ": " + t.problem(), k -> new ArrayList<>()).add(q);
        }
    }
}
