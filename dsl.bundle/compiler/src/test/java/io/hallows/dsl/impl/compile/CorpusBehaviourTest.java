package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallows.dsl.runtime.DivisionByZero;
import io.hallows.dsl.runtime.Overflow;
import io.hallows.dsl.runtime.PtError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The valid corpus compiled and run: each program's opening comment promises sample results, and
 * these tests call the generated services through their API interfaces and check them.
 */
class CorpusBehaviourTest {
    private final Modules modules = new Modules();

    private Modules.Running start(String module) {
        return modules.start(module, new TestStore(), Map.of());
    }

    /** The value of accessor {@code field} of a generated record or error. */
    static Object field(Object value, String field) {
        try {
            return value.getClass().getMethod(field).invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pricing() {
        Modules.Running shop = start("shop");
        assertEquals(432L, shop.call("Pricing", "price", "apple", 3L));
        PtError unknown = assertThrows(PtError.class, () -> shop.call("Pricing", "price", "kiwi", 1L));
        assertEquals("pt.shop.api.UnknownSku", unknown.getClass().getName());
        assertEquals("kiwi", field(unknown, "sku"));
        assertEquals(0L, shop.call("Pricing", "priceOrZero", "kiwi", 1L));
        assertEquals(810L, shop.call("Pricing", "discounted", "pear", 10L, 25L));
        shop.call("Pricing", "setPrice", "kiwi", 50L);
        assertEquals(120L, shop.call("Pricing", "price", "kiwi", 2L));
    }

    @Test
    void counter() {
        Modules.Running counters = start("counters");
        assertEquals(5L, counters.call("Counter", "increment", 5L));
        assertEquals(10L, counters.call("Counter", "increment", 5L));
        assertEquals(10L, counters.call("Counter", "current"));
        counters.call("Counter", "reset");
        assertEquals(12L, counters.call("Counter", "incrementBounded", 100L, 12L));
        assertEquals(12L, counters.call("Counter", "incrementBounded", 3L, 12L));
    }

    @Test
    void reactiveCartRecomputesDerivedValuesAndRunsSubscriptions() {
        Modules.Running cart = start("cart");
        assertEquals(216L, cart.call("Cart", "add", "apple", 2L));
        assertEquals(297L, cart.call("Cart", "add", "pear", 1L));
        assertEquals(3L, cart.call("Cart", "itemCount"));
        cart.call("Cart", "setDiscount", 0L);
        assertEquals(330L, cart.call("Cart", "currentTotal"));
        assertEquals(-1L, cart.call("Cart", "add", "kiwi", 1L));
        assertEquals(3L, cart.call("Cart", "itemCount"));
        // Each field assignment is a change of 'cart'; the log sees the derived total consistent with it.
        assertEquals(List.of("cart: 2 items, total 0", "cart: 2 items, total 216", "cart: 3 items, total 216",
                "cart: 3 items, total 297", "discount now 0%"), cart.context.logs);
        cart.call("Cart", "setDiscount", 0L);
        assertEquals(5, cart.context.logs.size(), "an equal value is no change");
    }

    @Test
    void checkoutCallsThePricingServiceOfModuleShop() {
        Modules.Running checkout = start("checkout");
        Object apple = checkout.create("pt.checkout.api.Line", "apple", 3L);
        Object plum = checkout.create("pt.checkout.api.Line", "plum", 2L);
        assertEquals(540L, checkout.call("Checkout", "quote", List.of(apple, plum)));
        assertEquals(0L, checkout.call("Checkout", "quote", List.of(checkout.create("pt.checkout.api.Line", "kiwi", 1L))));
        assertEquals(false, checkout.call("Checkout", "freeShipping", 540L));
        assertEquals(true, checkout.call("Checkout", "freeShipping", 5000L));
    }

    @Test
    void loops() {
        Modules.Running loops = start("loops");
        assertEquals(12L, loops.call("Loops", "sum", List.of(3L, 4L, 5L)));
        assertEquals(9L, loops.call("Loops", "max", List.of(3L, 9L, 2L)));
        assertEquals(0L, loops.call("Loops", "max", List.of()));
        assertEquals(2L, loops.call("Loops", "countAbove", Map.of("a", 5L, "b", 15L, "c", 25L), 10L));
        assertEquals(7L, loops.call("Loops", "totalStock", Map.of("apple", 3L, "pear", 4L)));
        assertEquals(12L, loops.call("Loops", "gcd", 84L, 36L));
        assertEquals(List.of(0L, 2L, 4L, 6L), loops.call("Loops", "evens", 7L));
    }

    @Test
    void errorsAreRaisedCaughtAndCarryTheirFields() {
        Modules.Running bank = start("bank");
        assertEquals(70L, bank.call("Account", "withdraw", 30L));
        PtError refused = assertThrows(PtError.class, () -> bank.call("Account", "withdraw", 500L));
        assertEquals("InsufficientFunds", refused.getClass().getSimpleName());
        assertEquals(500L, field(refused, "needed"));
        assertEquals(70L, field(refused, "available"));
        assertEquals("InsufficientFunds { needed: 500, available: 70 }", refused.getMessage());
        assertEquals(false, bank.call("Account", "tryWithdraw", 500L));
        assertEquals(List.of("refused: needed 500, available 70"), bank.context.logs);
        PtError invalid = assertThrows(PtError.class, () -> bank.call("Account", "deposit", -5L));
        assertEquals(-5L, field(invalid, "amount"));
        assertEquals(70L, bank.call("Account", "safeDeposit", -5L));
    }

    @Test
    void options() {
        Modules.Running directory = start("directory");
        assertEquals(Optional.of("ada@example.org"), directory.call("Directory", "emailOf", "ada"));
        assertEquals(Optional.empty(), directory.call("Directory", "emailOf", "bob"));
        assertEquals("example.org", directory.call("Directory", "domainOf", "ada"));
        assertEquals("unknown", directory.call("Directory", "domainOf", "bob"));
        assertEquals(Optional.of("abcd"), directory.call("Directory", "firstLong", List.of("a", "abcd", "abcdef"), 3L));
        assertEquals(Optional.empty(), directory.call("Directory", "firstLong", List.of("a"), 3L));
        assertEquals(7L, directory.call("Directory", "orDefault", Optional.empty(), 7L));
        assertEquals(2L, directory.call("Directory", "orDefault", Optional.of(2L), 7L));
    }

    @Test
    void genericModels() {
        Modules.Running generics = start("generics");
        Object pair = generics.call("Groups", "pair", "a", 1L);
        assertEquals(generics.create("pt.generics.api.Pair", "a", 1L), pair);
        List<Object> pairs = List.of(generics.create("pt.generics.api.Pair", "x", 1L),
                generics.create("pt.generics.api.Pair", "y", 2L), generics.create("pt.generics.api.Pair", "x", 3L));
        Map<?, ?> groups = (Map<?, ?>) generics.call("Groups", "group", pairs);
        assertEquals(Map.of("x", List.of(1L, 3L), "y", List.of(2L)), groups);
        assertEquals(List.of("x", "y"), List.copyOf(groups.keySet()), "insertion order");
        assertEquals(Optional.of(List.of("warm", "primary")), generics.call("Groups", "tagsOf", "red"));
        assertEquals(Optional.empty(), generics.call("Groups", "tagsOf", "teal"));
        assertEquals(4L, generics.call("Groups", "tagCount"));
    }

    @Test
    void operationsRunInTheirPartitionWithTheirKey() {
        Modules.Running analytics = start("analytics");
        Object visit = analytics.create("pt.analytics.api.Visit", "ada", "/");
        assertEquals(1L, analytics.call("Analytics", "record", visit));
        assertEquals(2L, analytics.call("Analytics", "record", visit));
        assertEquals(2L, analytics.call("Analytics", "visitsOf", "ada"));
        assertEquals(2L, analytics.call("Analytics", "rebuildReport"));
        assertEquals("pong", analytics.call("Analytics", "ping"));
        assertEquals(List.of("web/ada", "web/ada", "web/null", "batch/null"), analytics.context.partitions);
    }

    @Test
    void thermostat() {
        Modules.Running climate = start("climate");
        assertEquals("heat", climate.call("Thermostat", "mode", 19.0));
        assertEquals("idle", climate.call("Thermostat", "mode", 21.2));
        assertEquals("cool", climate.call("Thermostat", "mode", 23.0));
        assertEquals(212.0, climate.call("Thermostat", "toFahrenheit", 100.0));
        climate.call("Thermostat", "setTarget", 18.5);
        assertEquals("cool", climate.call("Thermostat", "mode", 19.5));
        assertEquals(List.of("target 18.5, heat below 18.0, cool above 19.0"), climate.context.logs);
    }

    @Test
    void fizzBuzz() {
        Modules.Running games = start("games");
        assertEquals("Fizz", games.call("FizzBuzz", "word", 3L));
        assertEquals("Buzz", games.call("FizzBuzz", "word", 10L));
        assertEquals("FizzBuzz", games.call("FizzBuzz", "word", 30L));
        assertEquals("7", games.call("FizzBuzz", "word", 7L));
        assertEquals(List.of("1", "2", "Fizz", "4", "Buzz"), games.call("FizzBuzz", "upTo", 5L));
        assertEquals("a, b", games.call("FizzBuzz", "line", List.of("a", "b")));
        assertEquals("", games.call("FizzBuzz", "line", List.of()));
    }

    @Test
    void arithmeticIsExact() {
        Modules.Running calc = start("arithmetic");
        assertEquals(2432902008176640000L, calc.call("Calculator", "factorial", 20L));
        assertThrows(Overflow.class, () -> calc.call("Calculator", "factorial", 21L));
        assertEquals(-1L, calc.call("Calculator", "safeFactorial", 21L));
        assertEquals(3L, calc.call("Calculator", "ratio", 7L, 2L));
        assertEquals(-3L, calc.call("Calculator", "ratio", -7L, 2L));
        assertThrows(DivisionByZero.class, () -> calc.call("Calculator", "ratio", 1L, 0L));
        assertEquals(0L, calc.call("Calculator", "safeRatio", 1L, 0L));
        assertEquals(List.of("division by zero: 1 / 0"), calc.context.logs);
        assertEquals(2.5, calc.call("Calculator", "average", List.of(1.0, 2.0, 4.5)));
        assertEquals(0.0, calc.call("Calculator", "average", List.of()));
        assertEquals(-2L, calc.call("Calculator", "truncate", -2.7));
        assertThrows(Overflow.class, () -> calc.call("Calculator", "truncate", 1.0e300));
    }

    @Test
    void alertsWatchADerivedValueAndAssignNestedReactiveFields() {
        Modules.Running alerts = start("alerts");
        assertEquals("ok", alerts.call("Monitor", "record", "cpu", 40L));
        assertEquals("ALERT cpu", alerts.call("Monitor", "record", "cpu", 70L));
        assertEquals(List.of("over limit: cpu at 110"), alerts.context.logs);
        assertEquals(Optional.of("cpu"), alerts.call("Monitor", "lastAlert"));
        alerts.call("Monitor", "setLimit", 200L);
        assertEquals(List.of("over limit: cpu at 110", "back under limit"), alerts.context.logs);
        assertEquals("ok", alerts.call("Monitor", "record", "disk", 5L));
        assertEquals(List.of("cpu", "disk"), alerts.call("Monitor", "sources"));
        alerts.call("Monitor", "forget", "cpu");
        assertEquals(List.of("disk"), alerts.call("Monitor", "sources"));
        assertEquals(1L, alerts.call("Monitor", "sourceCount"));
        assertEquals(true, alerts.call("Monitor", "watched", "disk"));
        assertEquals(false, alerts.call("Monitor", "watched", "none"));
        assertEquals(List.of("disk-full", "DISK-FULL"), alerts.call("Monitor", "tags", "Disk-Full"));
        assertEquals(2, alerts.context.logs.size());
    }
}
