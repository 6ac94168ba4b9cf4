package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The Parseltongue compiler bundle ({@code io.hallows.dsl}) updated and refreshed in a running
 * stack, as an operator would: the deployed module's bundles are neither stopped nor refreshed, its
 * service stays the same registration and its state goes on; the new deployer re-attaches to what
 * is deployed and deploys a new revision on the same state. Generated bundles import the runtime
 * package from the runtime bundle ({@code io.hallows.dsl.runtime}); were it the compiler's, the
 * refresh would take them with it and the count would start again.
 */
class ParseltongueCompilerUpdateIT {
    private static final String COMPILER = "io.hallows.dsl";
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.ptupdate", ":configurator:version": "1.0.0",
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false,
                  "bundles:String[]": ["pt.*"], "locations:String[]": ["parseltongue:*"] } }
            """;

    private static final String COUNTER = """
            module itkeep version "1.0.0";

            service Counter {
                let_mut_shared_var count: Int = 0;

                op increment(by: Int): Int {
                    count = count + by;
                    return count;
                }
            }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "apps");

    @Test
    void updatingTheCompilerLeavesDeployedModulesServingWithTheirState() throws Exception {
        deploy(COUNTER);
        assertEquals(5L, call("increment", 5L));
        assertEquals(10L, call("increment", 5L));
        Bundle compiler = bundle(COMPILER);
        long serviceId = counterReference().getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1;
        FrameworkWiring wiring = stack.system().getBundle(0).adapt(FrameworkWiring.class);
        List<String> closure = wiring.getDependencyClosure(List.of(compiler)).stream().map(Bundle::getSymbolicName).toList();
        assertTrue(closure.stream().noneMatch(n -> n.startsWith("pt.")), "no generated bundle is wired to the compiler: " + closure);

        List<String> events = recordBundleEvents();
        compiler.update(new ByteArrayInputStream(compilerBytes()));
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(List.of(compiler), e -> refreshed.countDown());
        assertTrue(refreshed.await(60, TimeUnit.SECONDS), "the framework refreshed the compiler");

        assertTrue(events.contains(COMPILER + " UPDATED") && events.contains(COMPILER + " UNRESOLVED"),
                "the compiler was updated and refreshed: " + events);
        assertTrue(events.stream().noneMatch(ParseltongueCompilerUpdateIT::stopsOrRefreshesAModule),
                "no module bundle was stopped or refreshed: " + events);
        assertEquals(Bundle.ACTIVE, bundle("pt.itkeep").getState());
        assertEquals(serviceId, counterReference().getProperty(Constants.SERVICE_ID), "the same service registration");
        assertEquals(15L, call("increment", 5L), "the count goes on");

        // The new deployer redeploys what it kept, finds the bundles unchanged, and lists the module.
        await(() -> stack.shell("pt:list").contains("itkeep"));
        assertTrue(events.stream().noneMatch(ParseltongueCompilerUpdateIT::stopsOrRefreshesAModule),
                "restoring stopped or refreshed no module bundle: " + events);
        String report = deploy(COUNTER.replace("count = count + by;", "count = count + by * 2;"));
        assertTrue(report.contains("itkeep.pt updated"), report);
        assertEquals(25L, call("increment", 5L), "the new revision, deployed by the new deployer, on the kept count 15");
    }

    /** The compiler bundle's bytes, as the stack was exported with them ({@code target/hallows.jar}). */
    private static byte[] compilerBytes() throws IOException {
        Path jar = Path.of(System.getProperty("hallows.jar", "target/hallows.jar"));
        try (JarFile exported = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(exported.entries())) {
                if (!entry.getName().endsWith(".jar")) {
                    continue;
                }
                byte[] bytes = exported.getInputStream(entry).readAllBytes();
                try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
                    Manifest manifest = in.getManifest();
                    if (manifest != null && COMPILER.equals(manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME))) {
                        return bytes;
                    }
                }
            }
        }
        throw new AssertionError("no bundle " + COMPILER + " in " + jar);
    }

    private static Bundle bundle(String symbolicName) {
        return Stream.of(stack.system().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** Polls {@code probe} until it holds: the new deployer restores its modules on a thread of its own. */
    private static void await(Callable<Boolean> probe) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Exception last = null;
        do {
            try {
                if (probe.call()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet; // the pt commands register again as the new deployer starts
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the new deployer did not list the module within 30 s", last);
    }

    private static String deploy(String source) throws Exception {
        Path path = stack.work().resolve("itkeep.pt");
        Files.writeString(path, source);
        return stack.shell("pt:deploy " + path);
    }

    private static ServiceReference<?> counterReference() throws Exception {
        ServiceReference<?>[] refs = stack.system().getServiceReferences((String) null, "(pt.service=Counter)");
        assertTrue(refs != null && refs.length == 1, "one Counter service");
        return refs[0];
    }

    /** Calls operation {@code op} of the Counter service; Int arguments are longs. */
    private static Object call(String op, Object... args) throws Exception {
        ServiceReference<?> ref = counterReference();
        Object service = stack.system().getService(ref);
        try {
            for (Method m : service.getClass().getMethods()) {
                if (m.getName().equals(op) && m.getParameterCount() == args.length) {
                    m.setAccessible(true);
                    return m.invoke(service, args);
                }
            }
            throw new AssertionError("no operation " + op);
        } finally {
            stack.system().ungetService(ref);
        }
    }

    /**
     * True for an event that stops, updates or refreshes one of the module's bundles. (The apps
     * partition's supervisor may start the API bundle, a member installed by the first deployment,
     * at any time: that is no refresh.)
     */
    private static boolean stopsOrRefreshesAModule(String event) {
        return event.startsWith("pt.") && Stream.of(" STOPPING", " STOPPED", " UNRESOLVED", " RESOLVED", " UPDATED", " UNINSTALLED")
                .anyMatch(event::endsWith);
    }

    /** Bundle events from now on, as "symbolic-name TYPE". */
    private static List<String> recordBundleEvents() {
        List<String> events = new CopyOnWriteArrayList<>();
        stack.system().addBundleListener((SynchronousBundleListener) e -> events.add(e.getBundle().getSymbolicName() + " " + switch (e.getType()) {
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.STARTED -> "STARTED";
            default -> "EVENT-" + e.getType();
        }));
        return events;
    }
}
