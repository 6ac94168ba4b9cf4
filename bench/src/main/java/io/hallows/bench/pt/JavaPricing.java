package io.hallows.bench.pt;

import io.hallows.dsl.runtime.CowVar;
import io.hallows.dsl.runtime.StateCell;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pricing logic of {@link PricingBenchmark}'s module, written by hand in Java: the peers of the
 * generated service. Prices are held as the generated code holds a map literal (an unmodifiable
 * {@link LinkedHashMap} of boxed longs, filled one {@code put} at a time); the lookup is
 * {@code map.get} and a null check, with no {@code Optional}. Four variants:
 * <ul>
 * <li>{@link Idiomatic}: {@code +} and {@code *} (wrapping around on overflow), state in final fields;</li>
 * <li>{@link Exact}: {@link Math#addExact}/{@link Math#multiplyExact}, failing on overflow as
 *     Parseltongue's Int does;</li>
 * <li>{@link ExactLiveState}: {@link Exact} reading its state at each use from an
 *     {@link AtomicReference}, so another thread's update is seen by the next lookup, as a
 *     {@code let_cow_var}'s is;</li>
 * <li>{@link ExactCowVar}: {@link Exact} with the state in the runtime's own {@link CowVar}s, read at
 *     each use: the generated code's state access, without the rest of the generated code.</li>
 * </ul>
 * The loops are written out in each class on purpose: one shared loop over abstract accessors would
 * share its call sites, and their type profiles, between the variants, and measure that instead.
 */
public interface JavaPricing {
    /** The total of the orders in cents, tax included; unknown skus cost nothing. */
    long total(List<Order> orders);

    /** One order line. */
    record Order(String sku, long qty) {
    }

    /**
     * {@code sku -> cents}, in the given order, built as generated code builds a map literal: one
     * {@code put} at a time into a default-sized {@link LinkedHashMap} (12 entries in 16 buckets; a
     * copy constructor would presize it to 32, with fewer collisions).
     */
    static Map<String, Long> prices(Map<String, Long> prices) {
        Map<String, Long> copy = new LinkedHashMap<>();
        prices.forEach(copy::put);
        return Collections.unmodifiableMap(copy);
    }

    /** What a Java developer writes first. */
    final class Idiomatic implements JavaPricing {
        private final Map<String, Long> prices;
        private final long taxPercent;

        public Idiomatic(Map<String, Long> prices, long taxPercent) {
            this.prices = prices(prices);
            this.taxPercent = taxPercent;
        }

        @Override
        public long total(List<Order> orders) {
            long sum = 0;
            for (Order o : orders) {
                Long p = prices.get(o.sku());
                if (p != null) {
                    sum += p * o.qty();
                }
            }
            return sum * (100 + taxPercent) / 100;
        }
    }

    /** The same with Parseltongue's overflow rule: an overflow throws instead of wrapping around. */
    final class Exact implements JavaPricing {
        private final Map<String, Long> prices;
        private final long taxPercent;

        public Exact(Map<String, Long> prices, long taxPercent) {
            this.prices = prices(prices);
            this.taxPercent = taxPercent;
        }

        @Override
        public long total(List<Order> orders) {
            long sum = 0;
            for (Order o : orders) {
                Long p = prices.get(o.sku());
                if (p != null) {
                    sum = Math.addExact(sum, Math.multiplyExact(p, o.qty()));
                }
            }
            return Math.multiplyExact(sum, Math.addExact(100, taxPercent)) / 100;
        }
    }

    /** {@link Exact}, with the state read at each use from an {@link AtomicReference} (a volatile read), as generated code reads it. */
    final class ExactLiveState implements JavaPricing {
        private final AtomicReference<Map<String, Long>> prices;
        private final AtomicReference<Long> taxPercent;

        public ExactLiveState(Map<String, Long> prices, long taxPercent) {
            this.prices = new AtomicReference<>(prices(prices));
            this.taxPercent = new AtomicReference<>(taxPercent);
        }

        @Override
        public long total(List<Order> orders) {
            long sum = 0;
            for (Order o : orders) {
                Long p = prices.get().get(o.sku());
                if (p != null) {
                    sum = Math.addExact(sum, Math.multiplyExact(p, o.qty()));
                }
            }
            return Math.multiplyExact(sum, Math.addExact(100, taxPercent.get())) / 100;
        }
    }

    /** {@link Exact}, with the state in the runtime's {@link CowVar}s, read at each use as generated code reads it. */
    final class ExactCowVar implements JavaPricing {
        private final CowVar<Map<String, Long>> prices;
        private final CowVar<Long> taxPercent;

        public ExactCowVar(Map<String, Long> prices, long taxPercent) {
            this.prices = new CowVar<>(new StateCell<>("Map<String,Int>", prices(prices), false));
            this.taxPercent = new CowVar<>(new StateCell<>("Int", taxPercent, false));
        }

        @Override
        public long total(List<Order> orders) {
            long sum = 0;
            for (Order o : orders) {
                Long p = prices.get().get(o.sku());
                if (p != null) {
                    sum = Math.addExact(sum, Math.multiplyExact(p, o.qty()));
                }
            }
            return Math.multiplyExact(sum, Math.addExact(100, taxPercent.get())) / 100;
        }
    }
}
