package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.ExecutorFixture;
import io.hallows.run.it.fixtures.Runaway;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Issue 15, item 3, on the built-in {@code fifo}: calls that never return. Partition {@code apps}
 * (watchdog 300 ms, two workers) gets two of them, which fill its workers: each is reported as the
 * partition's fault with its stack ({@code hallows:partitions}), its caller is released instead of
 * waiting for ever, and a later call runs. In partition {@code calm} (watchdog 1 h, so only the
 * operator acts) {@code hallows:kill} gives a runaway task up and releases its caller. Neither
 * partition's trouble touches the other.
 */
class RunawayTaskIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.runaway", ":configurator:version": "1.0.0",
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false, "workers:Integer": 2,
                  "watchdog": "300ms", "restart.maxRestarts:Integer": 10, "restart.backoff": "50ms", "restart.maxBackoff": "1s",
                  "bundles:String[]": ["it.runaway"], "locations:String[]": ["test:*"] },
              "io.hallows.partition~calm": { "name": "calm", "cpus": "0-1", "exclusive": false, "workers:Integer": 2,
                  "watchdog": "1h", "bundles:String[]": ["it.calm"], "locations:String[]": ["test:*"] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "apps", "calm");

    private static final ExecutorService callers = Executors.newCachedThreadPool();
    private static Bundle runaway;
    private static Bundle calm;

    @BeforeAll
    static void install() throws Exception {
        runaway = start("it.runaway");
        calm = start("it.calm");
    }

    @AfterAll
    static void release() throws Exception {
        call(runaway, "release");
        callers.shutdownNow();
    }

    private static Bundle start(String name) throws Exception {
        Bundle b = stack.install(TestBundle.named(name).activator(Runaway.class).with(ExecutorFixture.class).header("Import-Package",
                "org.osgi.framework, org.osgi.util.tracker, io.hallows.kernel.api"));
        b.start();
        return b;
    }

    /** The bundle's command service, looked up afresh: the supervisor restarts the bundle on each fault. */
    private static String call(Bundle bundle, String command) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = stack.system().getServiceReferences(Function.class.getName(),
                    "(hallows.test=" + bundle.getSymbolicName() + ")");
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                @SuppressWarnings("unchecked")
                Function<Object, Object> f = (Function<Object, Object>) stack.system().getService(ref);
                Object answer = f == null ? null : f.apply(command);
                if (answer != null && !answer.toString().startsWith("failed: ")) {
                    return answer.toString();
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(bundle.getSymbolicName() + " did not answer '" + command + "'");
    }

    private static CompletableFuture<String> inBackground(Bundle bundle, String command) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call(bundle, command);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }

    private static String awaitShell(String command, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String out;
        do {
            out = stack.shell(command);
            if (condition.test(out)) {
                return out;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(command + " never showed what was awaited:\n" + out);
    }

    private static String row(String table, String first) {
        return Arrays.stream(table.split("\n")).filter(l -> l.startsWith(first + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + table));
    }

    @Test
    void twoRunawayCallsFillingTheWorkersAreFaultsAndTheirCallersAreReleased() throws Exception {
        CompletableFuture<String> first = inBackground(runaway, "call-spin");
        CompletableFuture<String> second = inBackground(runaway, "call-spin");
        for (CompletableFuture<String> caller : List.of(first, second)) {
            String answer = caller.get(30, TimeUnit.SECONDS); // on main before issue 15 the caller waited for ever
            assertTrue(answer.matches("abandoned: io.hallows.kernel.api.TaskAbandonedException: task #\\d+ of partition 'apps'"
                    + " was given up after \\d+ ms: still running despite the interrupt; it may go on running on the written-off thread"
                    + " hallows-apps-fifo-\\S+"), answer);
        }
        assertTrue(call(runaway, "normal").startsWith("hallows-apps-fifo-"), "a later call runs on a replacement worker");

        String partitions = stack.shell("hallows:partitions");
        assertTrue(row(partitions, "apps").contains("task overran the watchdog bound: task #"), "the fault is shown:\n" + partitions);
        String detail = stack.shell("hallows:partition apps");
        assertTrue(detail.contains("submitted by bundle " + runaway.getBundleId()) && detail.contains("Runaway.spinIgnoringInterrupts"),
                "the fault names the bundle and where the task was:\n" + detail);

        String tasks = stack.shell("hallows:tasks apps");
        List<String> writtenOff = Arrays.stream(tasks.split("\n")).filter(l -> l.contains(" written off ")).toList();
        assertEquals(2, writtenOff.size(), "both runaway tasks are listed as given up:\n" + tasks);
        assertTrue(writtenOff.stream().allMatch(l -> l.contains("bundle " + runaway.getBundleId() + " (test:it.runaway")), tasks);

        String calmRow = row(stack.shell("hallows:partitions"), "calm");
        assertTrue(calmRow.matches("calm\\s+running\\s+.*\\s0/\\d+\\s+-"), "the other partition is untouched: " + calmRow);
        assertTrue(call(calm, "normal").startsWith("hallows-calm-fifo-"));
    }

    @Test
    void killGivesUpARunawayTaskAndReleasesItsCaller() throws Exception {
        CompletableFuture<String> caller = inBackground(calm, "call-spin");
        String tasks = awaitShell("hallows:tasks calm", out -> out.contains(" running "));
        Matcher number = Pattern.compile("#(\\d+)\\s+-\\s+\\d+ ms\\s+running\\s+hallows-calm-fifo-").matcher(tasks);
        assertTrue(number.find(), tasks);

        String killed = stack.shell("hallows:kill calm " + number.group(1));
        assertTrue(killed.startsWith("task #" + number.group(1) + " killed by the kernel shell: interrupted; worker hallows-calm-fifo-"), killed);
        assertTrue(killed.contains("after the kernel shell's kill and 1000 ms of grace: written off, replaced by hallows-calm-fifo-")
                && killed.contains("its caller is released"), killed);
        String answer = caller.get(30, TimeUnit.SECONDS);
        assertTrue(answer.startsWith("abandoned: io.hallows.kernel.api.TaskAbandonedException: task #" + number.group(1)
                + " of partition 'calm' was given up"), answer);
        assertTrue(call(calm, "normal").startsWith("hallows-calm-fifo-"), "the partition keeps serving");

        List<String> audit = Arrays.stream(stack.shell("hallows:audit 200").split("\n")).filter(l -> l.contains("task.kill")).toList();
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).contains("calm") && audit.get(0).contains("killed by the kernel shell"), audit.get(0));
        String calmRow = row(stack.shell("hallows:partitions"), "calm");
        assertTrue(calmRow.matches("calm\\s+running\\s+.*\\s0/\\d+\\s+-"), "a kill is not a fault: " + calmRow);
    }
}
