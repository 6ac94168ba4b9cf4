package io.hallows.db.olap.impl.engine;

import io.hallows.db.olap.impl.table.Catalog;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.RootAllocator;

/**
 * A quick timing loop outside the build (not a test): {@code TpchTimes <scale> <parallelism>
 * <runs> [query…]} prints each query's median time; with {@code -Dexplain=true} also its
 * EXPLAIN ANALYZE, with {@code -Dcheck=true} whether it returns the rows it returns single-threaded.
 * The benchmark proper, against DuckDB, is bench/olap.
 */
public final class TpchTimes {
    private TpchTimes() {}

    public static void main(String[] args) {
        double scale = Double.parseDouble(args[0]);
        int parallelism = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        RootAllocator tables = new RootAllocator();
        long t0 = System.nanoTime();
        Catalog catalog = Tpch.catalog(scale, tables);
        System.out.printf(Locale.ROOT, "loaded SF %s in %.1f s%n", args[0], (System.nanoTime() - t0) / 1e9);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallelism));
        VectorEngine engine = new VectorEngine();
        double product = 1;
        int count = 0;
        for (int q = 1; q <= 22; q++) {
            if (args.length > 3 && Arrays.stream(args, 3, args.length).noneMatch(String.valueOf(q)::equals)) {
                continue;
            }
            try (RootAllocator mem = new RootAllocator()) {
                QueryContext ctx = new QueryContext(mem, workers, parallelism, () -> false);
                double[] ms = new double[runs];
                int rows = 0;
                for (int r = 0; r < runs; r++) {
                    long s = System.nanoTime();
                    rows = Results.run(engine, Tpch.query(q), catalog, ctx).size();
                    ms[r] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                double median = ms[runs / 2];
                product *= median;
                count++;
                System.out.printf(Locale.ROOT, "Q%-2d %9.1f ms  (%d rows)%n", q, median, rows);
                if (Boolean.getBoolean("check")) {
                    var serial = Results.run(engine, Tpch.query(q), catalog, new QueryContext(mem, workers, 1, () -> false));
                    var parallel = Results.run(engine, Tpch.query(q), catalog, ctx);
                    System.out.println(serial.equals(parallel) ? "  same rows as parallelism 1" : "  DIFFERENT from parallelism 1");
                }
                if (Boolean.getBoolean("explain")) {
                    System.out.println(engine.explain(Tpch.query(q), catalog, ctx, true));
                }
            }
        }
        System.out.printf(Locale.ROOT, "geometric mean %.1f ms%n", Math.pow(product, 1.0 / count));
        workers.shutdownNow();
    }
}
