package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.FaultySchedulers;
import io.hallows.run.it.fixtures.ExecutorFixture;
import io.hallows.run.it.fixtures.StressProducer;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Scheduler swaps in a real framework with the four policy bundles: a million tasks under twenty
 * and more swaps (some triggered by updating a policy's bundle), then faulty schedulers that the
 * watchdog must revert, with no task lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerSwapIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.schedulers", ":configurator:version": "1.0.0",
              "io.hallows.partition~work": { "name": "work", "cpus": "0-1", "exclusive": false, "workers:Integer": 2,
                  "watchdog": "500ms", "scheduler.frameRate": "120", "bundles:String[]": ["it.stress*"],
                  "locations:String[]": ["test:*"] },
              "io.hallows.policy": { "allow:String[]": ["it.faulty.schedulers scheduler:faulty-* PROVIDE"] } }
            """;
    private static final List<String> POLICIES = List.of("workstealing", "frame", "batch", "keyed", "fifo");
    private static final Pattern OUTCOME = Pattern.compile(
            "all=(\\w+) submitted=(\\d+) once=(\\d+) twice=(\\d+) missing=(\\d+) keys=(\\d+) orderViolations=(\\d+)");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "work");

    @Test
    @Order(1)
    void aMillionTasksRunExactlyOnceInKeyOrderAcrossSwapsAndBundleUpdates() throws Exception {
        Function<Object, Object> producer = producer("it.stress");
        assertEquals("started", producer.apply("start 4 250000"));
        int swaps = 0;
        int updates = 0;
        while (swaps < 24 || stillProducing(producer)) {
            String policy = POLICIES.get(swaps % POLICIES.size());
            if (swaps % 6 == 5 && !policy.equals("fifo")) {
                // An operator drops in a newer revision of the active policy: the kernel swaps onto it.
                stack.shell("hallows:swap work " + policy);
                Bundle bundle = bundle("io.hallows.scheduler." + policy);
                bundle.update(new ByteArrayInputStream(SchedulerBundles.withVersion(bundle.getSymbolicName(), "9." + updates + ".0")));
                updates++;
                swaps += 3; // away (stopping), back (the new revision registers), and the operator's swap
            } else {
                String out = stack.shell("hallows:swap work " + policy);
                assertTrue(out.contains("-> " + policy + "@"), out);
                swaps++;
            }
        }
        String outcome = (String) producer.apply("await");
        Matcher m = OUTCOME.matcher(outcome);
        assertTrue(m.matches(), outcome);
        assertEquals("true", m.group(1), outcome);
        assertEquals(1_000_000, Integer.parseInt(m.group(3)), "tasks that ran exactly once: " + outcome);
        assertEquals(0, Integer.parseInt(m.group(4)), outcome);
        assertEquals(0, Integer.parseInt(m.group(7)), "key order: " + outcome);
        assertEquals(256, Integer.parseInt(m.group(6)), outcome);
        assertTrue(updates >= 2, "bundle updates: " + updates);

        String stats = stack.shell("hallows:stats work");
        assertTrue(Pattern.compile("submitted\\s+1000000\n").matcher(stats).find(), stats);
        assertTrue(Pattern.compile("completed\\s+1000000\n").matcher(stats).find(), stats);
        long updateSwaps = Arrays.stream(stats.split("\n")).filter(l -> l.contains(" update ")).count();
        assertTrue(updateSwaps >= 2 * updates, "swaps triggered by bundle updates are recorded:\n" + stats);
        String audit = stack.shell("hallows:audit 400");
        assertTrue(audit.contains("scheduler.swap") && audit.contains("was installed"), audit);
    }

    @Test
    @Order(2)
    void faultySchedulersAreRevertedByTheWatchdogWithoutLosingTasks() throws Exception {
        // A vendor's policies: installed after the stack, so they serve only with the capability the policy grants.
        stack.install(TestBundle.named("it.faulty.schedulers").activator(FaultySchedulers.class)
                .with(FaultySchedulers.Throwing.class, FaultySchedulers.Stalling.class)
                .header("Hallows-Request", "scheduler:faulty-throw;rights:=PROVIDE, scheduler:faulty-stall;rights:=PROVIDE")
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.spi")).start();
        Function<Object, Object> producer = producer("it.stress.faulty");
        assertEquals("started", producer.apply("start 2 100000"));

        String out = stack.shell("hallows:swap work faulty-throw");
        assertTrue(out.contains("-> faulty-throw@"), out);
        String stats = awaitExit("error");
        assertTrue(stats.contains("faulty-throw@1.0.0 exited (error)"), stats);
        assertTrue(stats.contains("faulty-throw gave up after 2000 tasks"), stats);

        stack.shell("hallows:swap work faulty-stall");
        stats = awaitExit("stall");
        Matcher waited = Pattern.compile("was runnable for (\\d+) ms, over the partition's watchdog bound of 500 ms").matcher(stats);
        assertTrue(waited.find(), stats);
        assertTrue(Long.parseLong(waited.group(1)) < 500 + 250, "the watchdog acts within its bound plus a check period or so: " + stats);
        assertTrue(Pattern.compile("scheduler\\s+fifo@").matcher(stats).find(), stats);

        String outcome = (String) producer.apply("await");
        Matcher m = OUTCOME.matcher(outcome);
        assertTrue(m.matches() && m.group(1).equals("true") && m.group(3).equals("200000") && m.group(4).equals("0")
                && m.group(7).equals("0"), "no task lost, none twice, key order kept: " + outcome);
        String audit = stack.shell("hallows:audit 400");
        assertTrue(audit.contains("scheduler.abort") && audit.contains("(error)") && audit.contains("(stall)"), audit);
    }

    /** Polls the shell until the partition's last exit has {@code reason}; the watchdog acts on its own thread. */
    private static String awaitExit(String reason) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String stats;
        do {
            stats = stack.shell("hallows:stats work");
            if (stats.contains("exited (" + reason + ")")) {
                return stats;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no exit with reason " + reason + ":\n" + stats);
    }

    private static Function<Object, Object> producer(String symbolicName) throws Exception {
        Bundle b = stack.install(TestBundle.named(symbolicName).activator(StressProducer.class).with(ExecutorFixture.class)
                .header("Import-Package", "org.osgi.framework, org.osgi.util.tracker, io.hallows.kernel.api"));
        b.start();
        ServiceReference<?>[] refs = stack.system().getServiceReferences(Function.class.getName(), "(hallows.test=stress)");
        for (ServiceReference<?> ref : refs) {
            if (ref.getBundle().equals(b)) {
                @SuppressWarnings("unchecked")
                Function<Object, Object> f = (Function<Object, Object>) stack.system().getService(ref);
                return f;
            }
        }
        throw new AssertionError("the producer registered no service");
    }

    private static boolean stillProducing(Function<Object, Object> producer) {
        return !"done".equals(producer.apply("producing"));
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(stack.system().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }
}
