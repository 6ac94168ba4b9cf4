package io.hallows.db.oltp.impl.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM that commits (SIGKILL, at a random moment) and checks every acknowledged commit survives. */
class CrashRecoveryTest {
    static final LogOptions OPTIONS = LogOptions.DEFAULTS.withSegmentSize(256 << 10);
    private static final int RUNS = 5;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedCommitSurvivesAKill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<String> acknowledged = new HashSet<>();
        try (LogFixture fixture = new LogFixture(directory)) {
            for (int run = 0; run < RUNS; run++) {
                int killAfter = 200 + random.nextInt(3_000);
                List<String> acks = runAndKill("r" + run, killAfter);
                assertTrue(acks.size() >= killAfter, "run " + run + " acknowledged " + acks.size() + " (seed " + seed + ")");
                acknowledged.addAll(acks);
                try (LogFixture.Opened opened = fixture.open(OPTIONS)) {
                    List<String> state = opened.store().state();
                    Set<String> distinct = new HashSet<>(state);
                    assertEquals(state.size(), distinct.size(), "a commit recovered twice (seed " + seed + ")");
                    Set<String> lost = new HashSet<>(acknowledged);
                    lost.removeAll(distinct);
                    assertTrue(lost.isEmpty(), lost.size() + " acknowledged commits lost in run " + run + ", e.g. "
                            + lost.stream().limit(5).toList() + " (seed " + seed + ")");
                    assertInOrderPerWriter(state, seed);
                }
            }
        }
    }

    /** Starts the child, waits until it acknowledged {@code killAfter} commits, kills it; returns every acknowledged commit. */
    private List<String> runAndKill(String runName, int killAfter) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), directory.toString(), runName)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            assertTrue(line != null && line.startsWith("recovered"), "child said: " + line);
            while ((line = lines.readLine()) != null) {
                acks.add(line);
                if (acks.size() == killAfter) {
                    child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves our pipe open
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        return acks;
    }

    /** Each writer's commits must come back in the order it made them, without gaps. */
    private static void assertInOrderPerWriter(List<String> state, long seed) {
        java.util.Map<String, Integer> next = new java.util.HashMap<>();
        for (String value : state) {
            int cut = value.lastIndexOf(':');
            String writer = value.substring(0, cut);
            int n = Integer.parseInt(value.substring(cut + 1));
            int expected = next.getOrDefault(writer, 0);
            assertEquals(expected, n, "writer " + writer + " out of order (seed " + seed + ")");
            next.put(writer, n + 1);
        }
    }
}
