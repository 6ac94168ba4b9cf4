package io.hallows.db.olap.impl.engine;

import io.hallows.db.olap.impl.load.TpchLoader;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/** TPC-H test data and query texts (Trino's, from the generator's jar) for the engine's tests. */
final class Tpch {
    private Tpch() {}

    /** The eight tables at {@code scale}, in {@code allocator}. */
    static Catalog catalog(double scale, BufferAllocator allocator) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : TpchLoader.tableNames()) {
            tables.put(name, TpchLoader.generate(name, scale, allocator, rows -> {}));
        }
        return of(tables);
    }

    static Catalog of(Map<String, Table> tables) {
        return new Catalog() {
            @Override
            public Optional<Table> table(String name) {
                return Optional.ofNullable(tables.get(name));
            }

            @Override
            public Collection<Table> tables() {
                return tables.values();
            }
        };
    }

    /** Query {@code n}'s text; Q15's view becomes a WITH clause (one statement). */
    static String query(int n) {
        String sql = resource("io/trino/tpch/queries/q" + n + ".sql").replaceAll("(?m)^--.*$", "");
        if (n == 15) {
            String view = sql.substring(sql.indexOf("AS", sql.indexOf("VIEW")) + 2, sql.indexOf(';')).trim();
            String select = sql.substring(sql.indexOf(';') + 1).trim();
            sql = "WITH revenue AS (" + view + ")\n" + select;
        }
        return sql.trim().replaceAll(";\\s*$", "");
    }

    /** Trino's expected result of query {@code n} at scale 0.01: rows of '|'-separated values. */
    static String expected(int n) {
        return resource("io/trino/tpch/queries/q" + n + ".result");
    }

    private static String resource(String path) {
        try (InputStream in = io.trino.tpch.TpchTable.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
