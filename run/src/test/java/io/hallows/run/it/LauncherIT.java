package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run/hallows start} with commands on standard input, as a script or CI job drives it. */
class LauncherIT {
    @TempDir
    Path work;

    record Run(int status, String out, String err) {
    }

    private Run start(String stdin) throws IOException, InterruptedException {
        return start(stdin, System.getProperty("java.home"), "/usr/lib/jvm");
    }

    private Run start(String stdin, String javaHome, String jvmDir) throws IOException, InterruptedException {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Path in = work.resolve("in.txt");
        Files.writeString(in, stdin);
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("hallows.launcher", "hallows"), "start")
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HALLOWS_NO_BUILD", "1");
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("HALLOWS_JVM_DIR", jvmDir);
        builder.environment().put("HALLOWS_DATA", work.resolve("data").toString()); // not the user's ~/.hallows/data
        // The stack's admin API on any free port, with its token in the test's folder, not ~/.hallows.
        builder.environment().put("HALLOWS_JAVA_OPTS", "-Dhallows.admin.port=0 -Dhallows.admin.tokenFile=" + work.resolve("admin.token"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run/hallows start did not end within 120 s:\n" + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void bootsTheDefaultStackRunsTheCommandsAndStopsCleanly() throws Exception {
        Run run = start("hallows:partitions\n\n# a comment\nhallows:await db running 10000\n");
        assertEquals(0, run.status(), run.err());
        // The admin API announces itself asynchronously, before or after the ready line.
        String firstLine = run.out().lines().filter(l -> !l.startsWith("hallows: admin API on")).findFirst().orElse("");
        assertTrue(firstLine.matches("hallows: ready — \\d+ bundles, 6 partitions in \\d+ ms"), run.out());
        assertTrue(run.out().matches("(?s).*\\nNAME +STATE +CPUS.*\\ndb +running +1 .*\\nweb +running +0 .*"), run.out());
        assertTrue(run.out().contains("> hallows:await db running 10000\npartition 'db' is running"), run.out());
    }

    @Test
    void theExampleApplicationIsDeployedFromRunAppsAndAnswers() throws Exception {
        Run run = start("pt:await hello 60000\npt:call hello Greeter greet Ana\n");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("> pt:call hello Greeter greet Ana\nHello, Ana! (greeting number 1)"), run.out());
    }

    @Test
    void saysClearlyWhenNoSuitableJdkIsFound() throws Exception {
        Path oldJdk = work.resolve("jdk-17");
        Files.createDirectories(oldJdk.resolve("bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Path file = Files.writeString(oldJdk.resolve("bin").resolve(tool), "#!/bin/sh\nexit 1\n");
            file.toFile().setExecutable(true);
        }
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Run run = start("hallows:partitions\n", oldJdk.toString(), work.resolve("no-jvms").toString());
        assertEquals(2, run.status(), run.out());
        assertTrue(run.err().contains("JAVA_HOME=" + oldJdk + " is not a JDK 21 or newer (found: 17)"), run.err());
        assertTrue(run.err().contains("no JDK 21 or newer found"), run.err());
        assertTrue(run.err().contains("set JAVA_HOME"), run.err());
    }

    @Test
    void aFailedCommandMakesTheExitStatusNonZero() throws Exception {
        Run run = start("hallows:partition nowhere\nhallows:partitions\n");
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().contains("hallows: line 1: hallows:partition nowhere: no partition 'nowhere'"), run.err());
        assertTrue(run.out().contains("> hallows:partitions\nNAME"), "later commands still run: " + run.out());
    }
}
