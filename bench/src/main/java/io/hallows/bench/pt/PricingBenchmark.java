package io.hallows.bench.pt;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Generated code against hand-written Java on real work: the total of {@value #ORDERS} orders,
 * each a map lookup among {@value #KNOWN} skus (one sku in 13 is unknown and costs nothing) and Int
 * arithmetic, then the tax. The Parseltongue side is {@link #SOURCE}, compiled at set-up by
 * {@code JavaModuleCompiler} and loaded in a fresh class loader ({@link LoadedModule}); its peers
 * are {@link JavaPricing}'s four variants. Each side is called through a {@link ToLongFunction}
 * made by {@code LambdaMetafactory} over its interface, so both pay the same call. Score: ns per
 * {@code total} of {@value #ORDERS} orders.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PricingBenchmark {
    static final int ORDERS = 100;
    static final int KNOWN = 12;
    private static final Map<String, Long> PRICES = prices();
    private static final long TAX_PERCENT = 20;
    private static final String UNKNOWN = "durian";

    /** The module; its price table is {@link #PRICES}, written as a map literal. */
    static final String SOURCE = """
            module pricing version "1.0.0";

            model Order { sku: String, qty: Int }

            service Pricing {
                let_cow_var prices: Map<String, Int> = %s;
                let_cow_var taxPercent: Int = %d;

                op total(orders: List<Order>): Int {
                    var sum = 0;
                    for o in orders {
                        match prices.get(o.sku) {
                            some(p) => sum = sum + p * o.qty;
                            none => {}
                        }
                    }
                    return sum * (100 + taxPercent) / 100;
                }
            }
            """.formatted(PRICES.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}")), TAX_PERCENT);

    private ToLongFunction<List<?>> parseltongue;
    private ToLongFunction<List<?>> javaIdiomatic;
    private ToLongFunction<List<?>> javaExact;
    private ToLongFunction<List<?>> javaExactLiveState;
    private ToLongFunction<List<?>> javaExactCowVar;
    private List<Object> ptOrders;
    private List<JavaPricing.Order> javaOrders;

    @Setup(Level.Trial)
    public void compile() {
        LoadedModule module = LoadedModule.load("pricing.pt", SOURCE);
        parseltongue = module.listToLong("Pricing", "total");
        MethodHandles.Lookup here = MethodHandles.lookup();
        javaIdiomatic = LoadedModule.listToLong(here, JavaPricing.class, "total", new JavaPricing.Idiomatic(PRICES, TAX_PERCENT));
        javaExact = LoadedModule.listToLong(here, JavaPricing.class, "total", new JavaPricing.Exact(PRICES, TAX_PERCENT));
        javaExactLiveState = LoadedModule.listToLong(here, JavaPricing.class, "total", new JavaPricing.ExactLiveState(PRICES, TAX_PERCENT));
        javaExactCowVar = LoadedModule.listToLong(here, JavaPricing.class, "total", new JavaPricing.ExactCowVar(PRICES, TAX_PERCENT));
        List<String> skus = new ArrayList<>(PRICES.keySet());
        skus.add(UNKNOWN);
        List<Object> pt = new ArrayList<>();
        List<JavaPricing.Order> java = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            // Fresh strings, as skus parsed from a request would be: lookups compare characters.
            String sku = new String(skus.get(i % skus.size()));
            long qty = 1 + (i * 7L) % 9;
            pt.add(module.model("Order", sku, qty));
            java.add(new JavaPricing.Order(sku, qty));
        }
        ptOrders = List.copyOf(pt);
        javaOrders = List.copyOf(java);
        long expected = javaIdiomatic.applyAsLong(javaOrders);
        for (ToLongFunction<List<?>> variant : List.of(javaExact, javaExactLiveState, javaExactCowVar)) {
            if (variant.applyAsLong(javaOrders) != expected) {
                throw new IllegalStateException("the Java variants differ: " + variant.applyAsLong(javaOrders) + " != " + expected);
            }
        }
        if (parseltongue.applyAsLong(ptOrders) != expected) {
            throw new IllegalStateException("Parseltongue's total " + parseltongue.applyAsLong(ptOrders) + " != Java's " + expected);
        }
    }

    @Benchmark
    public long parseltongue() {
        return parseltongue.applyAsLong(ptOrders);
    }

    @Benchmark
    public long javaIdiomatic() {
        return javaIdiomatic.applyAsLong(javaOrders);
    }

    @Benchmark
    public long javaExact() {
        return javaExact.applyAsLong(javaOrders);
    }

    @Benchmark
    public long javaExactCowVar() {
        return javaExactCowVar.applyAsLong(javaOrders);
    }

    @Benchmark
    public long javaExactLiveState() {
        return javaExactLiveState.applyAsLong(javaOrders);
    }

    private static Map<String, Long> prices() {
        Map<String, Long> prices = new LinkedHashMap<>();
        String[] skus = {"apple", "pear", "plum", "kiwi", "mango", "lemon", "lime", "peach", "cherry", "grape", "melon", "fig"};
        for (int i = 0; i < skus.length; i++) {
            prices.put(skus[i], 45L + 17L * i);
        }
        return JavaPricing.prices(prices);
    }
}
