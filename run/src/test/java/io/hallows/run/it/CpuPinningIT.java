package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A partition's workers run on its cpus: the kernel pins them through the HAL (JNR-FFI in a real
 * framework), and the operating system agrees, read back from /proc (the stack runs in this JVM).
 */
class CpuPinningIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.pinning", ":configurator:version": "1.0.0",
              "io.hallows.partition~pinned": { "name": "pinned", "cpus": "1", "workers:Integer": 2,
                  "scheduler": "(hallows.scheduler=workstealing)" },
              "io.hallows.partition~other": { "name": "other", "cpus": "0", "workers:Integer": 1 },
              "io.hallows.policy": { "allow:String[]": [ "it.hal.user service:hal CALL" ] } }
            """;
    /** A worker line of hallows:cores: partition, thread, tid, pinned to, allowed now. */
    private static final Pattern WORKER = Pattern.compile("(?m)^(\\S+)\\s+(hallows-\\S+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)$");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "pinned", "other");

    private record Worker(String partition, String thread, long tid, String pinned, String allowedNow) {
    }

    @org.junit.jupiter.api.BeforeAll
    static void needsTwoCpus() throws IOException {
        // The stack declares cpus 0 and 1 (the machines this runs on have 2); say so rather than fail elsewhere.
        org.junit.jupiter.api.Assumptions.assumeTrue(cpusAllowed(ProcessHandle.current().pid()).matches("0-\\d+"),
                "needs cpus 0 and 1");
    }

    @Test
    void workersOfAPartitionOnCpu1RunWithCpusAllowedList1() throws Exception {
        List<Worker> pinned = awaitWorkers("pinned", "1", 2);
        for (Worker w : pinned) {
            assertEquals("1", w.pinned(), "read back by the HAL when pinning: " + w);
            assertEquals("1", w.allowedNow(), "read again through the HAL (sched_getaffinity): " + w);
            assertEquals("1", cpusAllowed(w.tid()), "/proc/self/task/" + w.tid() + "/status of " + w.thread());
        }
        for (Worker w : awaitWorkers("other", "0", 1)) {
            assertEquals("0", cpusAllowed(w.tid()), w.thread());
        }
        String cores = stack.shell("hallows:cores");
        assertTrue(cores.matches("(?s).*\\n1 +\\S+ +\\S+ +\\S+ +\\S+ +pinned\\n.*"), "cpu 1 is owned by 'pinned':\n" + cores);
        assertTrue(cores.matches("(?s).*\\n0 +\\S+ +\\S+ +\\S+ +\\S+ +other\\n.*"), "cpu 0 is owned by 'other':\n" + cores);
    }

    @Test
    void changingAPartitionsCpusRepinsItsRunningWorkers() throws Exception {
        List<Worker> before = awaitWorkers("pinned", "1", 2);
        assertEquals("partition 'pinned': configuration accepted",
                stack.shell("hallows:configure pinned cpus=0-1 exclusive=false").strip());
        List<Worker> widened = awaitWorkers("pinned", "0-1", 2);
        assertEquals(before.stream().map(Worker::tid).sorted().toList(), widened.stream().map(Worker::tid).sorted().toList(),
                "the same threads, re-pinned in place");
        for (Worker w : widened) {
            assertEquals("0-1", cpusAllowed(w.tid()), w.thread());
        }
        assertEquals("partition 'pinned': configuration accepted", stack.shell("hallows:configure pinned cpus=1 exclusive=true").strip());
        for (Worker w : awaitWorkers("pinned", "1", 2)) {
            assertEquals("1", cpusAllowed(w.tid()), w.thread());
        }
    }

    @Test
    void theHalReportsWhatItSupportsHere() throws Exception {
        String hal = stack.shell("hallows:hal");
        assertTrue(hal.lines().findFirst().orElse("").contains("JNR-FFI"), hal);
        assertTrue(hal.matches("(?s).*\\npin +native +.*"), "pinning goes through the native path in the stack:\n" + hal);
        assertFalse(hal.contains("no HAL service"), hal);
        String devices = stack.shell("hallows:devices");
        assertTrue(devices.matches("(?s).*\\nlo +\\S+ +\\d+ +\\d+ +virtual +\\S+.*"), "loopback is listed as virtual:\n" + devices);
        assertTrue(devices.startsWith("BLOCK DEVICE"), devices);
    }

    @Test
    void theHalIsAProtectedServiceOnlyGrantedBundlesSeeAndCall() throws Exception {
        String request = "service:hal;rights:=\"CALL\"";
        Bundle granted = stack.install(TestBundle.named("it.hal.user").header("Hallows-Request", request)
                .header("Import-Package", "io.hallows.hal.api"));
        Bundle other = stack.install(TestBundle.named("it.hal.other").header("Hallows-Request", request)
                .header("Import-Package", "io.hallows.hal.api"));
        granted.start();
        other.start();
        assertNull(other.getBundleContext().getServiceReferences("io.hallows.hal.api.Hal", null),
                "a bundle the policy does not allow cannot see the HAL (pinning is a privilege)");
        ServiceReference<?>[] refs = granted.getBundleContext().getServiceReferences("io.hallows.hal.api.Hal", null);
        assertNotNull(refs, "the granted bundle sees the HAL");
        Object hal = granted.getBundleContext().getService(refs[0]);
        Object outcome = hal.getClass().getMethod("currentCpu").invoke(hal);
        assertTrue(outcome.toString().matches("native: [01]"), "sched_getcpu through the kernel's proxy: " + outcome);
    }

    /** Polls hallows:cores until {@code count} workers of {@code partition} report being pinned to {@code cpus}. */
    private static List<Worker> awaitWorkers(String partition, String cpus, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String cores;
        do {
            cores = stack.shell("hallows:cores");
            List<Worker> found = new ArrayList<>();
            Matcher m = WORKER.matcher(cores);
            while (m.find()) {
                if (m.group(1).equals(partition) && m.group(4).equals(cpus)) {
                    found.add(new Worker(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4), m.group(5)));
                }
            }
            if (found.size() == count) {
                return found;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(count + " workers of " + partition + " pinned to " + cpus + " expected:\n" + cores);
    }

    /** The {@code Cpus_allowed_list} the Linux kernel reports for thread {@code tid} of this process. */
    private static String cpusAllowed(long tid) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/task/" + tid + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElseThrow();
    }
}
