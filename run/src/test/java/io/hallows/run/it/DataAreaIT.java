package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's data area with real processes started by {@code run/hallows}: the audit log
 * survives SIGKILL and is shown again after a restart; a second stack cannot take a data area in use.
 */
class DataAreaIT {
    @TempDir
    Path work;
    private Process service;

    @AfterEach
    void killLeftovers() {
        if (service != null) {
            service.descendants().forEach(ProcessHandle::destroyForcibly);
            service.destroyForcibly();
        }
    }

    private ProcessBuilder launcher(String name, String console, List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("hallows.launcher", "hallows"));
        builder.command().addAll(args);
        builder.redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile());
        builder.environment().put("HALLOWS_NO_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HALLOWS_DATA", work.resolve("data").toString());
        builder.environment().put("HALLOWS_ADMIN_TOKEN_FILE", work.resolve("admin.token").toString());
        builder.environment().put("HALLOWS_APPS", work.resolve("apps").toString());
        builder.environment().put("HALLOWS_CONSOLE", console);
        builder.environment().put("HALLOWS_JAVA_OPTS", "-Dhallows.admin.port=0");
        return builder;
    }

    /** A stack with no console, as a service runs; returns once its admin API answers. */
    private Process startService(String name) throws Exception {
        Process p = launcher(name, "none", List.of("start")).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Path url = work.resolve("admin.token.url");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(url) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50); // polls a file the stack writes; nothing to wait on across processes
        }
        assertTrue(Files.exists(url), "the stack did not come up:\n" + read(name + ".out") + read(name + ".err"));
        return p;
    }

    private int runToEnd(String name, String stdin, String... args) throws Exception {
        Path in = work.resolve(name + ".in");
        Files.writeString(in, stdin);
        Process p = launcher(name, "script", List.of(args)).redirectInput(in.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(name + " did not end within 120 s:\n" + read(name + ".out") + read(name + ".err"));
        }
        return p.exitValue();
    }

    private String read(String file) throws IOException {
        Path path = work.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    @Test
    void theAuditLogOfARunKilledWithSigkillIsOnDiskAndShownAfterARestart() throws Exception {
        service = startService("first");
        assertEquals(0, runToEnd("swap", "", "ctl", "swap", "web", "keyed"), read("swap.out") + read("swap.err"));
        service.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL to the stack's JVM
        service.waitFor(30, TimeUnit.SECONDS);
        service = null;

        Path audit = work.resolve("data/audit/audit.log");
        String onDisk = Files.readString(audit, StandardCharsets.UTF_8);
        assertTrue(onDisk.contains("swapped by io.hallows.admin"), "the operator's swap is on disk after SIGKILL:\n" + onDisk);

        int status = runToEnd("second", "hallows:audit 2000\nhallows:data\n", "start");
        String out = read("second.out");
        assertEquals(0, status, out + read("second.err"));
        assertTrue(out.contains("swapped by io.hallows.admin"), "hallows:audit shows the killed run's entries:\n" + out);
        assertTrue(out.contains("data area " + work.resolve("data").toRealPath()) && out.contains("health    ok"), out);
        assertTrue(out.contains("audit/"), "the audit folder is listed:\n" + out);
        try (var left = Files.list(work.resolve("data"))) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("framework-")).toList(),
                    "the killed run's cache was swept and the second run's removed at its exit");
        }
        String after = Files.readString(audit, StandardCharsets.UTF_8);
        assertTrue(after.startsWith(onDisk), "the restart appended to the same log");
        assertTrue(after.contains("Hallows kernel stopped"), "the clean stop is recorded too");
    }

    @Test
    void aSecondStackOnADataAreaInUseExitsSayingWhoHoldsIt() throws Exception {
        service = startService("holder");
        int status = runToEnd("intruder", "hallows:partitions\n", "start");
        String said = read("intruder.out") + read("intruder.err");
        assertEquals(3, status, said);
        long holder = service.descendants().filter(h -> h.info().command().orElse("").endsWith("/java"))
                .map(ProcessHandle::pid).findFirst().orElse(-1L);
        assertTrue(said.contains("is in use by another stack (pid " + holder + " since "), said);
        // The refused stack touched nothing of the running one: it still answers, its cache intact.
        assertEquals(0, runToEnd("holder-ctl", "", "ctl", "stats", "web"), read("holder-ctl.out") + read("holder-ctl.err"));
        assertTrue(read("holder-ctl.out").contains("\"partition\": \"web\"") || read("holder-ctl.out").contains("\"partition\":\"web\""),
                read("holder-ctl.out"));
    }
}
