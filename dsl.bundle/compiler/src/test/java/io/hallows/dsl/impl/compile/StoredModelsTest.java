package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.oltp.impl.TestDatabases;
import io.hallows.dsl.runtime.Conflict;
import io.hallows.dsl.runtime.PtDb;
import io.hallows.dsl.runtime.PtError;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored models compiled and run against the real OLTP engine, in-process on a temporary directory. */
class StoredModelsTest {
    static final String STORE = """
            module store version "1.0.0";

            model Product stored in "products" { id: Int, name: String, price: Int, stock: Int, note: Option<String> }
            error NotFound { id: Int }
            error OutOfStock { id: Int, left: Int }

            service Shop {
                op add(p: Product) { Product.insert(p); }
                op addOrCount(p: Product): Int {
                    try {
                        Product.insert(p);
                    } catch Conflict e {
                        return -Product.count();
                    }
                    return Product.count();
                }
                op product(id: Int): Product raises NotFound {
                    match Product.find(id) {
                        some(p) => return p;
                        none => raise NotFound { id: id };
                    }
                }
                op cheap(max: Int, minStock: Int): List<Product> { return Product.where(price <= max and stock >= minStock); }
                op all(): List<Product> { return Product.all(); }
                op count(): Int { return Product.count(); }
                op remove(id: Int): Bool { return Product.delete(id); }
                op rename(id: Int, name: String): Bool raises NotFound {
                    let p = product(id);
                    return Product.update(Product { id: id, name: name, price: p.price, stock: p.stock, note: p.note });
                }
                op order(id: Int, qty: Int): Product raises NotFound, OutOfStock {
                    let p = product(id);
                    let q = Product { id: p.id, name: p.name, price: p.price, stock: p.stock - qty, note: p.note };
                    Product.update(q);
                    if q.stock < 0 {
                        raise OutOfStock { id: id, left: p.stock };
                    }
                    return q;
                }
                op named(n: String): List<Int> { return sql<Int>("SELECT id FROM products WHERE name = $1", n); }
                op expensive(min: Int): List<Product> {
                    return sql<Product>("SELECT note, stock, price, name, id FROM products WHERE price >= $1 ORDER BY id", min);
                }
            }
            """;

    @TempDir
    Path dir;
    private TestDatabases.Open db;
    private final List<Modules.Running> started = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        started.forEach(r -> r.context.close());
        db.close();
    }

    Modules.Running start(String source) {
        Modules modules = new Modules().add(source);
        String name = source.substring(source.indexOf("module ") + 7, source.indexOf(" version"));
        Modules.Running r = modules.start(name, new TestStore(), Map.of(SqlEngine.class, db.database()));
        started.add(r);
        return r;
    }

    private static Object product(Modules.Running r, long id, String name, long price, long stock, Optional<String> note) {
        return r.create("pt.store.api.Product", id, name, price, stock, note);
    }

    @Test
    void queriesAndChangesRows() {
        Modules.Running r = start(STORE);
        r.call("Shop", "add", product(r, 1, "apple", 120, 5, Optional.empty()));
        r.call("Shop", "add", product(r, 2, "pear", 90, 0, Optional.of("ripe")));
        r.call("Shop", "add", product(r, 3, "plum", 45, 7, Optional.empty()));

        assertEquals(3L, r.call("Shop", "count"));
        assertEquals(product(r, 2, "pear", 90, 0, Optional.of("ripe")), r.call("Shop", "product", 2L));
        assertEquals(List.of(product(r, 3, "plum", 45, 7, Optional.empty())), r.call("Shop", "cheap", 100L, 1L));
        assertEquals(3, ((List<?>) r.call("Shop", "all")).size());
        assertTrue((Boolean) r.call("Shop", "rename", 3L, "damson"));
        assertEquals(List.of(3L), r.call("Shop", "named", "damson"));
        assertEquals(List.of(product(r, 1, "apple", 120, 5, Optional.empty()), product(r, 2, "pear", 90, 0, Optional.of("ripe"))),
                r.call("Shop", "expensive", 90L));
        assertTrue((Boolean) r.call("Shop", "remove", 3L));
        assertFalse((Boolean) r.call("Shop", "remove", 3L));
        PtError missing = assertThrows(PtError.class, () -> r.call("Shop", "product", 3L));
        assertEquals("NotFound", missing.getClass().getSimpleName());
        assertThrows(Conflict.class, () -> r.call("Shop", "add", product(r, 1, "again", 1, 1, Optional.empty())));
        assertEquals(-2L, r.call("Shop", "addOrCount", product(r, 1, "again", 1, 1, Optional.empty())),
                "a caught Conflict leaves the transaction usable");
        assertEquals(3L, r.call("Shop", "addOrCount", product(r, 4, "kiwi", 1, 1, Optional.empty())));
    }

    @Test
    void anOperationThatRaisesIsRolledBack() {
        Modules.Running r = start(STORE);
        r.call("Shop", "add", product(r, 1, "apple", 120, 5, Optional.empty()));
        assertEquals(product(r, 1, "apple", 120, 2, Optional.empty()), r.call("Shop", "order", 1L, 3L));
        PtError refused = assertThrows(PtError.class, () -> r.call("Shop", "order", 1L, 3L));
        assertEquals("OutOfStock", refused.getClass().getSimpleName());
        // The update ran before the raise: the rollback took it back.
        assertEquals(product(r, 1, "apple", 120, 2, Optional.empty()), r.call("Shop", "product", 1L));
    }

    @Test
    void theTableSurvivesARestart() throws Exception {
        Modules.Running r = start(STORE);
        r.call("Shop", "add", product(r, 7, "fig", 300, 1, Optional.of("dried")));
        r.context.close();
        started.clear();
        db.close();
        db = TestDatabases.open(dir);
        Modules.Running again = start(STORE);
        assertEquals(product(again, 7, "fig", 300, 1, Optional.of("dried")), again.call("Shop", "product", 7L));
    }

    @Test
    void fieldsMayBeWordsSqlReserves() {
        Modules.Running r = start("""
                module words version "1.0.0";
                model Entry stored in "entries" { id: String, value: Int, user: String, order: Option<Int> }
                service Words {
                    op put(id: String, value: Int, user: String) { Entry.insert(Entry { id: id, value: value, user: user, order: none }); }
                    op big(min: Int): List<String> {
                        var ids: List<String> = [];
                        for e in Entry.where(value >= min and user != "nobody") {
                            ids = ids.add(e.id);
                        }
                        return ids;
                    }
                }
                """);
        r.call("Words", "put", "a", 1L, "ann");
        r.call("Words", "put", "b", 5L, "bo");
        assertEquals(List.of("b"), r.call("Words", "big", 2L));
    }

    @Test
    void concurrentReadModifyWritesAreRetriedNotLost() throws Exception {
        Modules.Running r = start("""
                module counters version "1.0.0";
                model Counter stored in "counters" { id: Int, n: Int }
                service Counters {
                    op bump(): Int {
                        match Counter.find(1) {
                            some(c) => {
                                Counter.update(Counter { id: 1, n: c.n + 1 });
                                return c.n + 1;
                            }
                            none => {
                                Counter.insert(Counter { id: 1, n: 1 });
                                return 1;
                            }
                        }
                    }
                }
                """);
        r.call("Counters", "bump");
        int threads = 4;
        int each = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicLong bumped = new java.util.concurrent.atomic.AtomicLong(1);
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        r.call("Counters", "bump");
                        bumped.incrementAndGet();
                    } catch (io.hallows.sql.api.SqlException e) {
                        assertEquals("40001", e.sqlState(), e.getMessage());
                        refused.incrementAndGet(); // refused on every attempt: it wrote nothing
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(bumped.get()), sql("SELECT n FROM counters").stream().map(row -> row[0]).toList(),
                "every bump that returned counted once, none lost");
        long failures = db.database().stats().serializationFailures();
        assertTrue(failures > (PtDb.RETRIES + 1) * refused.get(), "some bump was run again and then succeeded: " + failures
                + " serialization failures, " + refused.get() + " bumps refused");
    }

    /** Runs {@code sql} on its own session; returns the rows. */
    List<Object[]> sql(String sql) {
        try (Session s = db.database().open("test", Map.of())) {
            var o = s.query(sql).join();
            if (o.error() != null) {
                throw o.error();
            }
            return o.results().getLast().rows();
        }
    }
}
