package io.hallows.dsl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hallows.dsl.runtime.local.LocalModuleContext;
import io.hallows.dsl.runtime.local.MemoryStateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The semantics of the variable kinds generated code runs on. */
class VariableKindsTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** Runs bodies on the caller's thread and keeps the module's log lines. */
    private final ModuleContext context = new LocalModuleContext("m", new MemoryStateStore(), log::add);

    private static <T> StateCell<T> cell(T value) {
        return new StateCell<>("T", value, false);
    }

    private static void hammer(int threads, int times, Runnable action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < times; i++) {
                        action.run();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void copyOnWriteReadersKeepTheirSnapshotAndNoUpdateIsLost() throws Exception {
        CowVar<Map<String, Long>> prices = new CowVar<>(cell(Map.of("apple", 0L)));
        Map<String, Long> snapshot = prices.get();
        hammer(4, 10_000, () -> prices.update(m -> Map.of("apple", m.get("apple") + 1)));
        assertEquals(Map.of("apple", 0L), snapshot);
        assertEquals(40_000L, prices.get().get("apple"));
    }

    @Test
    void sharedUpdatesRunTheirFunctionExactlyOnce() throws Exception {
        SharedVar<Long> count = new SharedVar<>(cell(0L));
        AtomicInteger calls = new AtomicInteger();
        UnaryOperator<Long> increment = n -> {
            calls.incrementAndGet();
            return n + 1;
        };
        hammer(4, 10_000, () -> count.update(increment));
        assertEquals(40_000L, count.get());
        assertEquals(40_000, calls.get());
    }

    @Test
    void signalsNotifyOnChangeInOrderAndSurviveAFailingListener() throws Exception {
        Signal<Long> tax = new Signal<>(context, "tax", cell(20L));
        List<String> seen = new ArrayList<>();
        tax.listen(() -> seen.add("first " + tax.get()));
        tax.listen(() -> {
            throw new IllegalStateException("boom");
        });
        AutoCloseable third = tax.listen(() -> seen.add("third " + tax.get()));
        tax.set(20L);
        assertEquals(List.of(), seen, "an equal value is no change");
        tax.set(25L);
        assertEquals(List.of("first 25", "third 25"), seen);
        assertEquals(List.of("a subscription to 'tax' failed: java.lang.IllegalStateException: boom"), log);
        third.close();
        tax.update(t -> t + 1);
        assertEquals(List.of("first 25", "third 25", "first 26"), seen);
    }

    @Test
    void derivedValuesAreLazyCachedAndGlitchFree() throws Exception {
        Signal<Long> tax = new Signal<>(context, "tax", cell(20L));
        AtomicInteger computed = new AtomicInteger();
        Derived<Long> factor = new Derived<>(context, "factor", r -> {
            computed.incrementAndGet();
            return 100 + r.get(tax);
        }, List.<Reactive<?>>of(tax));
        Derived<String> label = new Derived<>(context, "label", r -> r.get(factor) + "%", List.<Reactive<?>>of(factor));
        assertEquals(0, computed.get(), "lazy");
        assertEquals("120%", label.get());
        assertEquals("120%", label.get());
        assertEquals(1, computed.get(), "cached while its input is unchanged");
        List<String> seen = new ArrayList<>();
        tax.listen(() -> seen.add("tax " + tax.get() + " label " + label.get()));
        label.listen(() -> seen.add("label " + label.get()));
        tax.set(5L);
        assertEquals(List.of("tax 5 label 105%", "label 105%"), seen, "listeners see derived values consistent with the write");
        Long before = factor.get();
        tax.set(5L);
        assertSame(before, factor.get());
    }

    @Test
    void aDerivedValueNotifiesOnlyWhenItsValueChanges() {
        Signal<Long> n = new Signal<>(context, "n", cell(1L));
        Derived<Boolean> positive = new Derived<>(context, "positive", r -> r.get(n) > 0, List.<Reactive<?>>of(n));
        List<Boolean> seen = new ArrayList<>();
        positive.listen(() -> seen.add(positive.get()));
        n.set(2L);
        n.set(-1L);
        n.set(-2L);
        n.set(3L);
        assertEquals(List.of(false, true), seen);
    }
}
