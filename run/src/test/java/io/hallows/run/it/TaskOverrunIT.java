package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.ExecutorFixture;
import io.hallows.run.it.fixtures.Spinner;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Issue 10, hole 4: tasks that never return, on {@code workstealing} with a 300 ms watchdog. Each
 * is reported once, with its stack and its bundle, as the partition's fault; its worker is
 * interrupted; the worker that ignores the interrupt is written off and replaced, so a later
 * ordinary task runs, and {@code hallows:stats} says what happened.
 */
class TaskOverrunIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.overrun", ":configurator:version": "1.0.0",
              "io.hallows.partition~spin": { "name": "spin", "cpus": "0-1", "exclusive": false, "workers:Integer": 2,
                  "scheduler": "(hallows.scheduler=workstealing)", "watchdog": "300ms",
                  "restart.maxRestarts:Integer": 10, "restart.backoff": "50ms", "restart.maxBackoff": "1s",
                  "bundles:String[]": ["it.spinner"], "locations:String[]": ["test:*"] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "spin");

    /** The spinner's service, looked up afresh: the supervisor restarts the bundle on each fault. */
    private static Object call(Bundle spinner, String command) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = stack.system().getServiceReferences(Function.class.getName(), "(hallows.test=spinner)");
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                if (ref.getBundle() != null && ref.getBundle().equals(spinner)) {
                    @SuppressWarnings("unchecked")
                    Function<Object, Object> f = (Function<Object, Object>) stack.system().getService(ref);
                    Object answer = f == null ? null : f.apply(command);
                    if (answer != null && !answer.toString().startsWith("failed: ")) {
                        return answer;
                    }
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the spinner did not answer '" + command + "'");
    }

    private static long figure(String stats, String name) {
        Matcher m = Pattern.compile(name + "\\s+(\\d+)\n").matcher(stats);
        assertTrue(m.find(), stats);
        return Long.parseLong(m.group(1));
    }

    @Test
    void tasksThatNeverReturnAreReportedInterruptedAndTheirWorkersReplaced() throws Exception {
        Bundle spinner = stack.install(TestBundle.named("it.spinner").activator(Spinner.class).with(ExecutorFixture.class).header("Import-Package",
                "org.osgi.framework, org.osgi.util.tracker, io.hallows.kernel.api"));
        spinner.start();
        try {
            assertEquals("spinning", call(spinner, "spin"));
            String stats = awaitStats(s -> figure(s, "replaced workers") >= 1);
            assertEquals(2, figure(stats, "overruns"), stats);
            assertEquals(1, figure(stats, "replaced workers"), stats);
            assertTrue(stats.contains("last overrun: task #") && stats.contains("submitted by bundle " + spinner.getBundleId()
                    + " (test:it.spinner, it.spinner 1.0.0) overran the watchdog bound of 300 ms"), stats);
            assertTrue(stats.contains("Spinner.spin"), "the overrun's stack names where the task was:\n" + stats);

            String ranOn = call(spinner, "normal").toString();
            assertTrue(ranOn.startsWith("hallows-spin-workstealing-"), "a later ordinary task runs on a worker: " + ranOn);

            List<String> audit = Arrays.stream(stack.shell("hallows:audit 300").split("\n")).toList();
            List<String> overruns = audit.stream().filter(l -> l.contains("task.overrun")).toList();
            assertEquals(2, overruns.size(), "each overrun audited once:\n" + String.join("\n", audit));
            assertTrue(overruns.stream().allMatch(l -> l.contains("submitted by bundle " + spinner.getBundleId())
                    && l.contains("io.hallows.run.it.fixtures.Spinner.spin")), String.join("\n", overruns));
            assertTrue(audit.stream().anyMatch(l -> l.contains("task.worker-replaced") && l.contains("despite the interrupt: written off,"
                    + " replaced by hallows-spin-workstealing-")), String.join("\n", audit));
            String partition = stack.shell("hallows:partition spin");
            assertTrue(partition.contains("task overran the watchdog bound"), "reported as the partition's fault:\n" + partition);
        } finally {
            call(spinner, "release");
        }
        String stats = awaitStats(s -> figure(s, "running") == 0);
        assertEquals(0, figure(stats, "queued"), stats);
    }

    private static String awaitStats(java.util.function.Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String stats;
        do {
            stats = stack.shell("hallows:stats spin");
            if (condition.test(stats)) {
                return stats;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("stats never got there:\n" + stats);
    }
}
