package io.hallows.db.olap.impl.load;

import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.db.olap.impl.table.Table;
import java.io.IOException;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code olap:load-tpch <scale>}: generates the eight TPC-H tables and stores each, replacing any
 * table of the same name. Each table is replaced atomically (its new file is swapped in whole);
 * the set is not: a failure midway leaves the tables done so far new and the others as they were.
 */
public final class TpchLoad {
    private TpchLoad() {}

    /**
     * @param allocator where a table is built before it is written (it is freed once the file is mapped)
     * @param progress told a line per table and per million rows
     * @return rows generated in all
     */
    public static long run(TableStore store, double scale, BufferAllocator allocator, Consumer<String> progress,
            BooleanSupplier cancelled) throws IOException {
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("scale factor must be above 0 and at most 1000, not " + scale);
        }
        long total = 0;
        for (String name : TpchLoader.tableNames()) {
            if (cancelled.getAsBoolean()) {
                throw new IllegalStateException("load-tpch cancelled before " + name);
            }
            long start = System.nanoTime();
            long[] lastReport = {0};
            Table table = TpchLoader.generate(name, scale, allocator, rows -> {
                if (rows - lastReport[0] >= 1_000_000) {
                    lastReport[0] = rows;
                    progress.accept(String.format(Locale.ROOT, "  %s: %,d rows…", name, rows));
                }
            });
            try {
                store.put(table);
                total += table.rowCount();
                progress.accept(String.format(Locale.ROOT, "%-8s %,12d rows in %,d chunks, %.1f s", name, table.rowCount(),
                        table.chunks().size(), (System.nanoTime() - start) / 1e9));
            } finally {
                table.chunks().forEach(c -> c.vectors().close());
            }
        }
        return total;
    }
}
