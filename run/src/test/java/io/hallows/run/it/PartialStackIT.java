package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack file that boots only in part is not a success (issue 10, holes 6 and 7): every rejected
 * declaration is listed with its field, overflowing numbers included, without delaying the boot; a
 * key given twice is reported with its lines; an unknown scheduler is warned about; and a script
 * run over such a stack exits with status 4.
 */
class PartialStackIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.partial", ":configurator:version": "1.0.0",
              "io.hallows.partition~good": { "name": "good", "cpus": "0", "exclusive": false },
              "io.hallows.partition~twin": { "name": "good", "cpus": "1", "exclusive": false },
              "io.hallows.partition~negative": { "name": "negative", "cpus": "1", "exclusive": false,
                  "restart.maxRestarts:Integer": -3 },
              "io.hallows.partition~far": { "name": "far", "cpus": "0-4095", "exclusive": false },
              "io.hallows.partition~filter": { "name": "filter", "cpus": "1", "exclusive": false,
                  "scheduler": "(hallows.scheduler=fifo" },
              "io.hallows.partition~window": { "name": "window", "cpus": "1", "exclusive": false,
                  "restart.window": "12345678901234567890" },
              "io.hallows.partition~watch": { "name": "watch", "cpus": "1", "exclusive": false,
                  "watchdog": "9999999999999999h" },
              "io.hallows.partition~typo": { "name": "typo", "cpus": "1", "exclusive": false,
                  "scheduler": "(hallows.scheduler=workstelaing)" },
              "io.hallows.partition~dup": { "name": "dup", "cpus": "1", "exclusive": false, "workers": 1,
                  "workers:Integer": 2 },
              "io.hallows.partition~dup": { "name": "dup", "cpus": "0", "exclusive": false }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aScriptRunOverAStackWithRejectedPartitionsExitsNonZeroNamingEachProblem() throws Exception {
        ScriptRun run = ScriptRun.over(work, STACK, "hallows:partitions\n", 120);
        assertEquals(4, run.status(), run.all());
        assertTrue(run.readyLine().matches("hallows: ready — \\d+ bundles, 3 partitions in \\d+ ms"
                + " — WARNING: 8 problem\\(s\\) in the stack file, listed above"), run.all());
        assertFalse(run.readyLine().contains("still starting"), "an overflow must not hold the boot: " + run.all());
        String err = run.err();
        for (String problem : new String[] {
            "hallows: problem: rejected io.hallows.partition~twin: partition 'good': name: already used by configuration io.hallows.partition~good",
            "hallows: problem: rejected io.hallows.partition~negative: partition 'negative': restart.maxRestarts: must not be negative (was -3)",
            "hallows: problem: rejected io.hallows.partition~far: partition 'far': cpus: cpu ",
            "hallows: problem: rejected io.hallows.partition~filter: partition 'filter': scheduler: '(hallows.scheduler=fifo' is not a valid service filter",
            "hallows: problem: rejected io.hallows.partition~window: partition 'window': restart.window: must be at most 168h (604800000ms) (was 12345678901234567890ms)",
            "hallows: problem: rejected io.hallows.partition~watch: partition 'watch': watchdog: must be at most 168h (168h) (was 9999999999999999h)",
            "line 16: \"workers\" is given twice (first on line 15); the later one is used",
            "line 17: \"io.hallows.partition~dup\" is given twice (first on line 15); the later one is used",
            "hallows: warning: partition 'typo': scheduler (hallows.scheduler=workstelaing) matches no installed scheduler",
            "hallows: the stack booted with 8 problem(s) in its stack file"}) {
            assertTrue(err.contains(problem), "expected: " + problem + "\n" + run.all());
        }
        // The operator sees the same in the shell: the rejected declarations and the warning.
        String partitions = run.out().substring(run.out().indexOf("> hallows:partitions"));
        assertTrue(partitions.contains("rejected io.hallows.partition~watch: partition 'watch': watchdog: must be at most 168h"), partitions);
        assertTrue(partitions.contains("warning: partition 'typo': scheduler (hallows.scheduler=workstelaing) matches no installed"),
                partitions);
        assertTrue(partitions.matches("(?s).*\\ndup +running +0 .*"), "the later definition of dup is the one used: " + partitions);
    }

    @Test
    void aCleanStackStillExitsZeroWithAPlainReadyLine() throws Exception {
        ScriptRun run = ScriptRun.over(work, """
                { ":configurator:symbolic-name": "it.clean", ":configurator:version": "1.0.0",
                  "io.hallows.partition~solo": { "name": "solo", "cpus": "0-1", "exclusive": false,
                      "scheduler": "(hallows.scheduler=keyed)" } }
                """, "hallows:await solo running 10000\n", 120);
        assertEquals(0, run.status(), run.all());
        assertTrue(run.readyLine().matches("hallows: ready — \\d+ bundles, 1 partitions in \\d+ ms"), run.all());
        assertFalse(run.err().contains("hallows: problem") || run.err().contains("hallows: warning"), run.all());
    }
}
