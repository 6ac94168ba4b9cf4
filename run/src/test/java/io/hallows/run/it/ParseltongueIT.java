package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Parseltongue in a real stack: modules compiled at runtime into bundles, called as services,
 * updated in place with their state kept, a broken version refused, and nothing else refreshed.
 */
class ParseltongueIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.pt", ":configurator:version": "1.0.0",
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false,
                  "bundles:String[]": ["pt.*"], "locations:String[]": ["parseltongue:*"] } }
            """;

    private static final String COUNTER_V1 = """
            module itcounter version "1.0.0";

            service Counter {
                let_mut_shared_var count: Int = 0;
                let_reactive_var step: Int = 1;

                op increment(by: Int): Int {
                    count = count + by * step;
                    return count;
                }
            }
            """;

    /** A changed body (steps of 2) and a new operation. */
    private static final String COUNTER_V2 = """
            module itcounter version "1.0.0";

            service Counter {
                let_mut_shared_var count: Int = 0;
                let_reactive_var step: Int = 1;

                op increment(by: Int): Int {
                    count = count + by * step * 2;
                    return count;
                }

                op twice(): Int {
                    return count * 2;
                }
            }
            """;

    private static final String PRICING = """
            module itpricing version "1.0.0";

            service Pricing {
                op price(qty: Int): Int {
                    return qty * %d;
                }
            }
            """;

    private static final String CHECKOUT = """
            module itcheckout version "1.0.0";

            import service Pricing from itpricing;

            service Checkout {
                op total(a: Int, b: Int): Int {
                    return Pricing.price(a) + Pricing.price(b);
                }
            }
            """;

    private static final String WATCHED = """
            module itwatched version "1.0.0";

            service Watched {
                op revision(): Int {
                    return 1;
                }
            }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "apps");

    @Test
    void anUpdateIsLiveInPlaceKeepsStateAndRefreshesNoOtherBundle() throws Exception {
        assertTrue(deploy("itcounter.pt", COUNTER_V1).contains("itcounter"));
        assertEquals(5L, call("Counter", "increment", 5L));
        assertEquals(10L, call("Counter", "increment", 5L));

        List<String> events = recordBundleEvents();
        String report = deploy("itcounter.pt", COUNTER_V2);
        assertEquals(30L, call("Counter", "increment", 10L), "the new body (steps of 2) on the kept count 10: " + report);
        assertEquals(60L, call("Counter", "twice"), "the new operation");
        // A new operation changes the module's API: its API bundle is updated too, and nothing else.
        assertTrue(events.stream().allMatch(e -> e.startsWith("pt.itcounter ") || e.startsWith("pt.itcounter.api ")),
                "only the module's own bundles changed: " + events);
        assertTrue(events.contains("pt.itcounter UNRESOLVED"), "it was refreshed: " + events);

        events.clear();
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> deploy("itcounter.pt", COUNTER_V2.replace("return count * 2;", "return count * ;")));
        assertTrue(broken.getMessage().matches("(?s).*itcounter\\.pt:\\d+:\\d+: error\\[PT\\d{4}\\]: .*"), broken.getMessage());
        assertEquals(32L, call("Counter", "increment", 1L), "the previous version still serves, state intact");
        assertEquals(List.of(), events, "a refused version touches no bundle");
    }

    @Test
    void updatingAnImportedModulesImplementationDoesNotRefreshItsImporter() throws Exception {
        deploy("itpricing.pt", PRICING.formatted(10));
        deploy("itcheckout.pt", CHECKOUT);
        assertEquals(50L, call("Checkout", "total", 2L, 3L));

        List<String> events = recordBundleEvents();
        deploy("itpricing.pt", PRICING.formatted(11));
        assertEquals(55L, call("Checkout", "total", 2L, 3L), "the importer calls the new implementation");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("pt.itcheckout ")), "the importer was not touched: " + events);
        assertFalse(events.stream().anyMatch(e -> e.startsWith("pt.itpricing.api ")), "nor the unchanged API: " + events);
    }

    @Test
    void noClassLoaderLeaksAcross100Updates() throws Exception {
        String source = COUNTER_V1.replace("itcounter", "itleak").replace("service Counter", "service Leaky");
        deploy("itleak.pt", source);
        Object first = service("Leaky");
        WeakReference<ClassLoader> firstLoader = new WeakReference<>(first.getClass().getClassLoader());
        first = null;
        for (int i = 1; i <= 100; i++) {
            deploy("itleak.pt", source.replace("by * step", "by * step + " + i)); // a new implementation each time
        }
        assertEquals(100L + 1, call("Leaky", "increment", 1L), "the 100th revision serves");
        for (int attempt = 0; attempt < 50 && firstLoader.get() != null; attempt++) {
            System.gc(); // waiting for the collector, not for time
        }
        assertEquals(null, firstLoader.get(), "the first revision's class loader was collected");
    }

    @Test
    void theWatchedFolderDeploysUpdatesAndUndeploysAsFilesChange() throws Exception {
        Path file = stack.work().resolve("apps").resolve("itwatched.pt");
        Files.createDirectories(file.getParent());
        String source = WATCHED;
        Files.writeString(file, source);
        await(() -> callOrNull("Watched", "revision"), 1L);
        Files.writeString(file, source.replace("return 1;", "return 2;"));
        await(() -> callOrNull("Watched", "revision"), 2L); // the saved version serves
        assertEquals("2", stack.shell("pt:call itwatched Watched revision").strip(), "pt:call from the shell");
        Files.delete(file);
        await(() -> stack.shell("pt:list").contains("itwatched") ? "listed" : "gone", "gone");
    }

    /** Polls {@code probe} until it answers {@code expected}: the folder is watched on the deployer's own thread. */
    private static void await(java.util.concurrent.Callable<Object> probe, Object expected) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Object last;
        do {
            last = probe.call();
            if (expected.equals(last)) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + expected + ", last saw " + last + "\n" + stack.shell("pt:list"));
    }

    /** The operation's result, or null while the service is not (or no longer, during an update) registered. */
    private static Object callOrNull(String name, String op, Object... args) throws Exception {
        ServiceReference<?>[] refs = stack.system().getServiceReferences((String) null, "(pt.service=" + name + ")");
        Object service = refs == null ? null : stack.system().getService(refs[0]);
        return service == null ? null : invoke(service, name, op, args);
    }

    private static String deploy(String file, String source) throws Exception {
        Path path = stack.work().resolve(file);
        Files.writeString(path, source);
        return stack.shell("pt:deploy " + path);
    }

    private static Object service(String name) throws Exception {
        BundleContext system = stack.system();
        ServiceReference<?>[] refs = system.getServiceReferences((String) null, "(pt.service=" + name + ")");
        assertTrue(refs != null && refs.length == 1, "one service " + name);
        return system.getService(refs[0]);
    }

    /** Calls operation {@code op} of service {@code name}; Int arguments are longs. */
    private static Object call(String name, String op, Object... args) throws Exception {
        return invoke(service(name), name, op, args);
    }

    private static Object invoke(Object service, String name, String op, Object... args) throws Exception {
        for (Method m : service.getClass().getMethods()) {
            if (m.getName().equals(op) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(service, args);
            }
        }
        throw new AssertionError("no operation " + op + " on " + name);
    }

    /** Bundle events from now on, as "symbolic-name TYPE", for the bundles that change. */
    private static List<String> recordBundleEvents() {
        List<String> events = new CopyOnWriteArrayList<>();
        stack.system().addBundleListener((SynchronousBundleListener) e -> events.add(e.getBundle().getSymbolicName() + " " + type(e)));
        return events;
    }

    private static String type(BundleEvent e) {
        return switch (e.getType()) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            default -> "EVENT-" + e.getType();
        };
    }
}
