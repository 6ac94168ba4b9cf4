package io.hallows.db.olap.impl.tpch;

import io.hallows.db.olap.impl.load.TpchLoader;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * TPC-H at scale factor {@value #SCALE}, generated once per test JVM by {@link TpchLoader} and
 * copied into DuckDB: both engines hold the same rows. Lives until the JVM exits (its off-heap
 * vectors and the DuckDB database go with it).
 */
final class TpchData {
    static final double SCALE = 0.1;

    private static TpchData instance;

    final BufferAllocator root = new RootAllocator();
    final Catalog catalog;
    final DuckDb duckDb;

    private TpchData() throws SQLException {
        // The tables are generated concurrently (the big ones take seconds each) and copied into
        // DuckDB one after the other as they come, through its single connection.
        Map<String, CompletableFuture<Table>> made = new LinkedHashMap<>();
        for (String name : TpchLoader.tableNames()) {
            made.put(name, CompletableFuture.supplyAsync(() -> TpchLoader.generate(name, SCALE, root, rows -> {})));
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        duckDb = new DuckDb();
        for (Map.Entry<String, CompletableFuture<Table>> e : made.entrySet()) {
            Table t = e.getValue().join();
            tables.put(e.getKey(), t);
            duckDb.load(t);
        }
        catalog = catalogOf(tables);
    }

    /** The shared data, made by the first test that asks. */
    static synchronized TpchData get() throws SQLException {
        if (instance == null) {
            instance = new TpchData();
        }
        return instance;
    }

    /** A read-only catalog of {@code tables}, by name. */
    static Catalog catalogOf(Map<String, Table> tables) {
        Map<String, Table> copy = Map.copyOf(tables);
        return new Catalog() {
            @Override
            public Optional<Table> table(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public Collection<Table> tables() {
                return copy.values();
            }
        };
    }

    /** The text of query {@code name} ({@code q01} … {@code q22}) from the test resources. */
    static String query(String name) {
        try (InputStream in = TpchData.class.getResourceAsStream("/tpch/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalArgumentException("no resource tpch/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
