package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.Partitions;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Generated services under threads and across updates: the variable kinds' guarantees, a Java
 * service import, and state that outlives a revision (or is reset when its type changes).
 */
class StateAndConcurrencyTest {
    private final Modules modules = new Modules();

    @Test
    void javaServiceIsCalledThroughTheContext() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        Partitions partitions = (Partitions) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Partitions.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + List.of(args));
                    return null;
                });
        Modules.Running ops = modules.start("ops", new TestStore(), Map.of(Partitions.class, partitions));
        assertEquals("restarted web", ops.call("Operations", "restartIfFaulty", "web", true));
        assertEquals("left db", ops.call("Operations", "restartIfFaulty", "db", false));
        assertEquals(1L, ops.call("Operations", "reportSlow", "db", 250L));
        assertEquals(2L, ops.call("Operations", "reportSlow", "web", 900L));
        assertEquals(List.of("restart[web]", "reportFault[db, slow: 250 ms]", "reportFault[web, slow: 900 ms]"), calls);
        assertEquals(List.of("io.hallows.kernel.api"), modules.compile("ops").imports());
    }

    @Test
    void sharedCounterLosesNoIncrementUnderFourThreads() throws Exception {
        Modules.Running counters = modules.start("counters", new TestStore(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        counters.call("Counter", "increment", 1L);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40_000L, counters.call("Counter", "current"));
    }

    @Test
    void copyOnWriteReadersSeeWholeSnapshotsWhileWritersUpdate() throws Exception {
        Modules.Running shop = modules.start("shop", new TestStore(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        shop.call("Pricing", "setPrice", "sku" + thread + "-" + i, 10L);
                    }
                }));
            }
            Future<?> reader = pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    assertEquals(432L, shop.call("Pricing", "price", "apple", 3L));
                }
            });
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(120L, shop.call("Pricing", "price", "sku1-1999", 10L), "no update was lost to a concurrent one");
        assertEquals(120L, shop.call("Pricing", "price", "sku0-0", 10L));
    }

    @Test
    void reactiveAndSharedStateSurviveAnUpdate() throws Exception {
        TestStore store = new TestStore();
        Modules.Running v1 = modules.start("cart", store, Map.of());
        v1.call("Cart", "add", "apple", 2L);
        v1.call("Cart", "setDiscount", 50L);
        Modules.Running counters = modules.start("counters", store, Map.of());
        counters.call("Counter", "increment", 7L);
        String cartV2 = Modules.read(Modules.VALID.resolve("03-reactive-cart.pt")).replace("\"cart: \"", "\"cart now: \"");
        String countersV2 = Modules.read(Modules.VALID.resolve("02-counter.pt")).replace("op reset() {", "op twice(): Int {\n"
                + "        count = count * 2;\n        return count;\n    }\n\n    op reset() {");
        modules.add(cartV2).add(countersV2);
        v1.context.close();
        Modules.Running v2 = modules.start("cart", store, Map.of());
        assertEquals(2L, v2.call("Cart", "itemCount"), "the reactive model kept its value");
        assertEquals(120L, v2.call("Cart", "currentTotal"), "discount 50% kept, derived value recomputed from kept state");
        v2.call("Cart", "add", "pear", 1L);
        assertTrue(v2.context.logs.contains("cart now: 3 items, total 165"), v2.context.logs.toString());
        assertEquals(List.of(), v1.context.logs.stream().filter(l -> l.contains("3 items")).toList(),
                "the closed revision's subscriptions no longer run");
        assertEquals(14L, modules.start("counters", store, Map.of()).call("Counter", "twice"), "shared count kept");
        assertEquals(List.of(), store.resets);
    }

    @Test
    void aChangedTypeResetsTheVariable() {
        TestStore store = new TestStore();
        String v1 = "// tally\nmodule tally version \"1\";\nservice Tally {\n    let_mut_shared_var n: Int = 0;\n"
                + "    op bump(): Int {\n        n = n + 1;\n        return n;\n    }\n}\n";
        modules.add(v1);
        Modules.Running first = modules.start("tally", store, Map.of());
        first.call("Tally", "bump");
        assertEquals(2L, first.call("Tally", "bump"));
        modules.add(v1.replace("n: Int = 0", "n: Float = 0.0").replace("bump(): Int", "bump(): Float").replace("n + 1", "n + 1.0"));
        assertEquals(1.0, modules.start("tally", store, Map.of()).call("Tally", "bump"));
        assertEquals(List.of("Tally.n: Int -> Float"), store.resets);
    }

    @Test
    void aChangedModelResetsTheStateHoldingIt() {
        TestStore store = new TestStore();
        Modules.Running v1 = modules.start("cart", store, Map.of());
        v1.call("Cart", "add", "apple", 2L);
        v1.call("Cart", "setDiscount", 0L);
        modules.add(Modules.read(Modules.VALID.resolve("03-reactive-cart.pt"))
                .replace("reactive_model CartState { items: Int, subtotal: Int }", "reactive_model CartState { items: Int, subtotal: Int, coupons: Int }")
                .replace("CartState { items: 0, subtotal: 0 }", "CartState { items: 0, subtotal: 0, coupons: 0 }"));
        Modules.Running v2 = modules.start("cart", store, Map.of());
        assertEquals(0L, v2.call("Cart", "itemCount"), "values of the old CartState class are not handed to new code");
        assertEquals(0L, v2.call("Cart", "currentTotal"));
        assertEquals(1, store.resets.size(), store.resets.toString());
        assertTrue(store.resets.getFirst().startsWith("Cart.cart: cart.CartState@cart:"), store.resets.toString());
        v2.call("Cart", "add", "apple", 1L);
        assertEquals(120L, v2.call("Cart", "currentTotal"), "the Int discount was kept");
    }
}
