package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.ServiceReference;

/**
 * The valid Parseltongue corpus (dsl.bundle/compiler's test resources) deployed with {@code pt:deploy} into
 * a real stack and called through the published services: each program's opening comment promises
 * these results. Operations with {@code @partition} hints run through the partitions' schedulers.
 */
class ParseltongueCorpusIT {
    private static final Path CORPUS = Path.of(System.getProperty("basedir", "."))
            .resolve("../dsl.bundle/compiler/src/test/resources/corpus/valid").normalize();
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.ptcorpus", ":configurator:version": "1.0.0",
              "io.hallows.partition~web": { "name": "web", "cpus": "0", "exclusive": false,
                  "scheduler": "(hallows.scheduler=workstealing)", "bundles:String[]": ["pt.analytics"], "locations:String[]": ["parseltongue:*"],
                  "grants:String[]": ["service:kernel.executor.batch CALL"] },
              "io.hallows.partition~batch": { "name": "batch", "cpus": "1", "exclusive": false,
                  "scheduler": "(hallows.scheduler=batch)" },
              "io.hallows.policy": { "allow:String[]": [] } }
            """;
    private static final Pattern SUBMITTED = Pattern.compile("(?m)^submitted +(\\d+)$");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "web", "batch");

    @BeforeAll
    static void deployTheCorpus() throws Exception {
        // shop first: checkout imports it.
        for (String file : List.of("01-pricing.pt", "02-counter.pt", "03-reactive-cart.pt", "04-checkout.pt", "05-loops.pt",
                "06-errors.pt", "07-options.pt", "09-scheduling-hints.pt", "11-thermostat.pt", "12-fizzbuzz.pt",
                "13-arithmetic.pt", "14-alerts.pt")) {
            String report = stack.shell("pt:deploy " + CORPUS.resolve(file));
            assertTrue(report.contains("deployed"), file + ": " + report);
        }
    }

    @Test
    void pricingAndTheCheckoutThatImportsIt() throws Exception {
        assertEquals(432L, call("shop", "Pricing", "price", "apple", 3L));
        assertEquals("pt.shop.api.UnknownSku", raised("shop", "Pricing", "price", "kiwi", 1L).getClass().getName());
        assertEquals(0L, call("shop", "Pricing", "priceOrZero", "kiwi", 1L));
        Object apple = create("checkout", "pt.checkout.api.Line", "apple", 3L);
        Object plum = create("checkout", "pt.checkout.api.Line", "plum", 2L);
        assertEquals(540L, call("checkout", "Checkout", "quote", List.of(apple, plum)));
        assertEquals(true, call("checkout", "Checkout", "freeShipping", 5000L));
    }

    @Test
    void sharedCounterAndReactiveCart() throws Exception {
        assertEquals(5L, call("counters", "Counter", "increment", 5L));
        assertEquals(10L, call("counters", "Counter", "increment", 5L));
        assertEquals(216L, call("cart", "Cart", "add", "apple", 2L));
        assertEquals(297L, call("cart", "Cart", "add", "pear", 1L));
        call("cart", "Cart", "setDiscount", 0L);
        assertEquals(330L, call("cart", "Cart", "currentTotal"), "the derived total recomputed after the reactive write");
    }

    @Test
    void loopsErrorsOptionsStringsAndExactArithmetic() throws Exception {
        assertEquals(12L, call("loops", "Loops", "sum", List.of(3L, 4L, 5L)));
        assertEquals(2L, call("loops", "Loops", "countAbove", Map.of("a", 5L, "b", 15L, "c", 25L), 10L));
        assertEquals(12L, call("loops", "Loops", "gcd", 84L, 36L));
        assertEquals(70L, call("bank", "Account", "withdraw", 30L));
        assertEquals("InsufficientFunds { needed: 500, available: 70 }", raised("bank", "Account", "withdraw", 500L).getMessage());
        assertEquals(false, call("bank", "Account", "tryWithdraw", 500L));
        assertEquals(Optional.of("ada@example.org"), call("directory", "Directory", "emailOf", "ada"));
        assertEquals("unknown", call("directory", "Directory", "domainOf", "bob"));
        assertEquals(List.of("1", "2", "Fizz", "4", "Buzz"), call("games", "FizzBuzz", "upTo", 5L));
        assertEquals(2432902008176640000L, call("arithmetic", "Calculator", "factorial", 20L));
        assertEquals("Overflow", raised("arithmetic", "Calculator", "factorial", 21L).getClass().getSimpleName());
        assertEquals(-1L, call("arithmetic", "Calculator", "safeFactorial", 21L));
    }

    @Test
    void floatsAndNestedReactiveModels() throws Exception {
        assertEquals("heat", call("climate", "Thermostat", "mode", 19.0));
        assertEquals(212.0, call("climate", "Thermostat", "toFahrenheit", 100.0));
        call("climate", "Thermostat", "setTarget", 18.5);
        assertEquals("cool", call("climate", "Thermostat", "mode", 19.5));
        assertEquals("ok", call("alerts", "Monitor", "record", "cpu", 40L));
        assertEquals("ALERT cpu", call("alerts", "Monitor", "record", "cpu", 70L));
        assertEquals(Optional.of("cpu"), call("alerts", "Monitor", "lastAlert"));
    }

    @Test
    void hintedOperationsRunThroughThePartitionsSchedulersInKeyOrder() throws Exception {
        long webBefore = submitted("web");
        long batchBefore = submitted("batch");
        Object visit = create("analytics", "pt.analytics.api.Visit", "ada", "/");
        assertEquals(1L, call("analytics", "Analytics", "record", visit));
        assertEquals(2L, call("analytics", "Analytics", "record", visit));
        assertEquals(2L, call("analytics", "Analytics", "visitsOf", "ada"));
        assertEquals(2L, call("analytics", "Analytics", "rebuildReport"));
        assertEquals("pong", call("analytics", "Analytics", "ping"));
        assertTrue(submitted("web") >= webBefore + 3, "record twice and ping ran as tasks of partition web");
        assertTrue(submitted("batch") >= batchBefore + 1, "rebuildReport ran as a task of partition batch");
    }

    private static long submitted(String partition) throws Exception {
        Matcher m = SUBMITTED.matcher(stack.shell("hallows:stats " + partition));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static Object service(String module, String name) throws Exception {
        ServiceReference<?>[] refs = stack.system().getServiceReferences((String) null,
                "(&(pt.module=" + module + ")(pt.service=" + name + "))");
        assertTrue(refs != null && refs.length == 1, "one service " + name + " of module " + module);
        return stack.system().getService(refs[0]);
    }

    /** A generated model record, made with the module's own classes. */
    private static Object create(String module, String type, Object... fields) throws Exception {
        Class<?> record = Class.forName(type, true, service(module, serviceOf(module)).getClass().getClassLoader());
        return record.getConstructors()[0].newInstance(fields);
    }

    private static String serviceOf(String module) {
        return switch (module) {
            case "checkout" -> "Checkout";
            case "analytics" -> "Analytics";
            default -> throw new IllegalArgumentException(module);
        };
    }

    private static Object call(String module, String name, String op, Object... args) throws Exception {
        Object service = service(module, name);
        for (Method m : service.getClass().getMethods()) {
            if (m.getName().equals(op) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(service, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new AssertionError("no operation " + op + " on " + name);
    }

    private static Exception raised(String module, String name, String op, Object... args) throws Exception {
        try {
            call(module, name, op, args);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError(op + " raised nothing");
    }
}
