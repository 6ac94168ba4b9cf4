package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.FaultReporter;
import io.hallows.run.it.fixtures.FaultyActivator;
import io.hallows.run.it.fixtures.SteadyActivator;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/** The supervisor in a real framework: restart with backoff, quarantine, isolation, fault reports. */
class SupervisorIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.supervisor", ":configurator:version": "1.0.0",
              "io.hallows.partition~faulty": { "name": "faulty", "cpus": "0", "exclusive": false,
                  "restart.maxRestarts:Integer": 3, "restart.backoff": "50ms", "restart.maxBackoff": "1s",
                  "restart.window": "60s", "bundles:String[]": ["it.faulty"], "locations:String[]": ["test:*"] },
              "io.hallows.partition~steady": { "name": "steady", "cpus": "0", "exclusive": false,
                  "bundles:String[]": ["it.steady"], "locations:String[]": ["test:*"] },
              "io.hallows.partition~reported": { "name": "reported", "cpus": "0", "exclusive": false,
                  "restart.backoff": "2s", "restart.maxBackoff": "2s", "bundles:String[]": ["it.reported"], "locations:String[]": ["test:*"] },
              "io.hallows.partition~bursty": { "name": "bursty", "cpus": "0", "exclusive": false,
                  "restart.maxRestarts:Integer": 2, "restart.backoff": "5s", "restart.maxBackoff": "5s" },
              "io.hallows.partition~idle": { "name": "idle", "cpus": "0", "exclusive": false },
              "io.hallows.policy": { "allow:String[]": ["it.reporter* service:kernel.partitions CALL",
                  "it.reporter partition:reported WRITE", "it.reporter.burst partition:bursty WRITE"] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "faulty", "steady", "reported", "bursty", "idle");

    @Test
    void failingBundleIsRestartedWithBackoffThenQuarantinedWhileAnotherPartitionRuns() throws Exception {
        CountDownLatch steadyStarted = stack.whenStarted("it.steady");
        Bundle steady = stack.install(TestBundle.named("it.steady").activator(SteadyActivator.class));
        assertTrue(steadyStarted.await(30, TimeUnit.SECONDS), "the steady partition adopts and starts its new bundle");

        stack.install(TestBundle.named("it.faulty").activator(FaultyActivator.class));
        stack.await("faulty", "quarantined");

        long[] starts = Arrays.stream(System.getProperty(FaultyActivator.STARTS).split(",")).mapToLong(Long::parseLong).toArray();
        assertEquals(4, starts.length, "the first start and three restarts, then quarantine");
        long[] expectedDelays = {50, 100, 200};
        for (int i = 1; i < starts.length; i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(starts[i] - starts[i - 1]);
            assertTrue(gapMillis >= expectedDelays[i - 1], "restart " + i + " came after " + gapMillis
                    + " ms, before its backoff of " + expectedDelays[i - 1] + " ms");
        }
        String faulty = stack.shell("hallows:partition faulty");
        assertTrue(faulty.contains("quarantined"), faulty);
        assertTrue(faulty.contains("3 in window, 3 in all"), faulty);
        assertTrue(faulty.contains("boom: the faulty activator always fails"), faulty);
        String audit = stack.shell("hallows:audit 300");
        for (String step : new String[] {"restart 1 of 3 in 50 ms", "restart 2 of 3 in 100 ms", "restart 3 of 3 in 200 ms",
                "restart budget spent (3 restarts within 60s)"}) {
            assertTrue(audit.contains(step), "audit lacks '" + step + "':\n" + audit);
        }

        assertEquals(Bundle.ACTIVE, steady.getState());
        assertEquals("1", System.getProperty(SteadyActivator.starts("it.steady")), "the steady partition's bundle was never restarted");
        String steadyStatus = stack.shell("hallows:partition steady");
        assertTrue(steadyStatus.contains("running") && steadyStatus.contains("0 in window, 0 in all"), steadyStatus);

        stack.shell("hallows:release faulty");
        stack.await("faulty", "quarantined");
        assertEquals(8, System.getProperty(FaultyActivator.STARTS).split(",").length,
                "released, it got a fresh restart budget and spent it again");
    }

    @Test
    void partitionCodeCanReportAFaultThatRestartsItsPartition() throws Exception {
        CountDownLatch memberStarted = stack.whenStarted("it.reported");
        Bundle member = stack.install(TestBundle.named("it.reported").activator(SteadyActivator.class));
        assertTrue(memberStarted.await(30, TimeUnit.SECONDS));
        stack.install(TestBundle.named("it.reporter").activator(FaultReporter.class)
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api")
                .header("Hallows-Request", "service:kernel.partitions;rights:=\"CALL\", partition:reported;rights:=\"WRITE\"")
                .header("X-Fault-In", "reported")).start();
        stack.await("reported", "restarting");
        stack.await("reported", "running");
        String status = stack.shell("hallows:partition reported");
        assertTrue(status.contains("1 in window, 1 in all"), status);
        assertEquals("2", System.getProperty(SteadyActivator.starts("it.reported")), "its bundle was stopped and started again");
        assertEquals(Bundle.ACTIVE, member.getState());
        assertEquals("1", System.getProperty(SteadyActivator.starts("it.steady"), "1"), "other partitions were not touched");
        assertTrue(status.contains("tasks keep failing"), status);
    }

    @Test
    void aBurstOfFaultsWhileARestartIsPendingDoesNotSpendTheBudget() throws Exception {
        stack.install(TestBundle.named("it.reporter.burst").activator(FaultReporter.class)
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api")
                .header("Hallows-Request", "service:kernel.partitions;rights:=\"CALL\", partition:bursty;rights:=\"WRITE\"")
                .header("X-Fault-In", "bursty").header("X-Fault-Count", "5")).start();
        stack.await("bursty", "restarting");
        // Faults are handled in order on the supervisor thread: an operator command that goes
        // through it afterwards (restarting an empty partition) returns once all five are handled.
        stack.shell("hallows:restart idle");
        String status = stack.shell("hallows:partition bursty");
        assertTrue(status.contains("restarting"), "five faults with a budget of two must not quarantine: " + status);
        assertTrue(status.contains("1 in window, 1 in all"), status);
        assertEquals(4, stack.shell("hallows:audit 400").lines().filter(l -> l.contains("while a restart is pending")).count());
        stack.await("bursty", "running"); // and the one pending restart still happens
    }

    @Test
    void faultsNeedWriteOnThePartitionItself() throws Exception {
        Bundle nosy = stack.install(TestBundle.named("it.reporter.nosy").activator(FaultReporter.class)
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api")
                .header("Hallows-Request", "service:kernel.partitions;rights:=\"CALL\"")
                .header("X-Fault-In", "idle"));
        BundleException e = assertThrows(BundleException.class, nosy::start);
        assertEquals("it.reporter.nosy may not report a fault in partition 'idle': it needs partition:idle with WRITE",
                e.getCause().getMessage());
        assertTrue(stack.shell("hallows:partition idle").contains("0 in window, 0 in all"));
    }
}
