package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack of 2,000 partitions boots in time linear in their number and stops at the end of input
 * (issue 10, hole 8). Through the Configurator, which rewrites its state after every configuration,
 * 1,000 partitions had not all been declared after 60 s; the kernel now applies the stack file in
 * one pass. The bound leaves room for a loaded machine: a linear boot takes about 20 s here
 * (figures for 100 to 10,000 partitions in docs/performance.md).
 */
class LargeStackIT {
    private static final int PARTITIONS = 2_000;
    private static final long READY_BOUND_MILLIS = 45_000;

    @TempDir
    Path work;

    @Test
    void twoThousandPartitionsBootWithinTheBoundAndStopAtTheEndOfInput() throws Exception {
        StringBuilder stack = new StringBuilder("{ \":configurator:symbolic-name\": \"it.large\", \":configurator:version\": \"1.0.0\"");
        for (int i = 0; i < PARTITIONS; i++) {
            stack.append(",\n  \"io.hallows.partition~p").append(i).append("\": { \"name\": \"p").append(i)
                    .append("\", \"cpus\": \"0-1\", \"exclusive\": false, \"workers:Integer\": 1 }");
        }
        stack.append("\n}\n");
        ScriptRun run = ScriptRun.over(work, stack.toString(), "hallows:partition p" + (PARTITIONS - 1) + "\n", 120);
        assertEquals(0, run.status(), run.all());
        Matcher ready = Pattern.compile("hallows: ready — \\d+ bundles, (\\d+) partitions in (\\d+) ms").matcher(run.readyLine());
        assertTrue(ready.matches(), "a plain ready line, no partition still starting: " + run.all());
        assertEquals(PARTITIONS, Integer.parseInt(ready.group(1)));
        long millis = Long.parseLong(ready.group(2));
        assertTrue(millis < READY_BOUND_MILLIS, PARTITIONS + " partitions ready in " + millis + " ms, bound " + READY_BOUND_MILLIS);
        assertTrue(run.out().matches("(?s).*\\nstate +running since .*"), "the last partition runs: " + run.all());
        System.out.println("LargeStackIT: " + PARTITIONS + " partitions ready in " + millis + " ms, run ended after " + run.millis() + " ms");
    }
}
