package io.hallows.run.it.oltp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL's own tools, unmodified, against a real stack: pgbench 15 initialises its tables and
 * runs its built-in TPC-B-like and select-only scripts in simple and prepared mode with no error;
 * psql runs statements and prints what PostgreSQL would. .ci/run installs them when missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgToolsIT {
    @TempDir
    static Path work;
    private static StackProcess stack;

    @BeforeAll
    static void boot() throws Exception {
        Assumptions.assumeTrue(onPath("pgbench") && onPath("psql"), "pgbench and psql are not installed (apt-get install postgresql-15)");
        stack = new StackProcess(work);
        stack.start();
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String name, List<String> command) throws Exception {
        Path out = work.resolve(name + ".out");
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        b.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = b.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not end within 180 s:\n" + read(out));
        }
        String said = read(out);
        assertEquals(0, p.exitValue(), name + " failed:\n" + said);
        return said;
    }

    /** Runs a command to its end within 180 s, whatever its exit status; returns what it printed. */
    private static String runAnyStatus(String name, List<String> command) throws Exception {
        Path out = work.resolve(name + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not end within 180 s:\n" + read(out));
        }
        return read(out);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<String> tool(String tool, String... args) {
        List<String> c = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(stack.port()), "-U", "hallows"));
        c.addAll(List.of(args));
        c.add("hallows");
        return c;
    }

    @Test
    @Order(1)
    void pgbenchInitialisesItsTables() throws Exception {
        String said = run("pgbench-init", tool("pgbench", "-i", "-s", "1"));
        assertTrue(said.contains("done in"), said);
        String count = run("psql-count", tool("psql", "-At", "-c", "select count(*) from pgbench_accounts"));
        assertEquals("100000", count.strip());
    }

    @ParameterizedTest
    @Order(2)
    @CsvSource({"tpcb-like,simple,1", "tpcb-like,prepared,4", "select-only,simple,1", "select-only,prepared,4"})
    void pgbenchRunsItsBuiltInScriptsWithoutError(String script, String mode, int clients) throws Exception {
        String said = run("pgbench-" + script + "-" + mode, tool("pgbench", "-b", script, "-M", mode, "-c", Integer.toString(clients),
                "-j", "2", "-T", "3"));
        Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(said);
        assertTrue(processed.find() && Long.parseLong(processed.group(1)) > 0, said);
        Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(said);
        assertTrue(!failed.find() || "0".equals(failed.group(1)), said);
    }

    @Test
    @Order(3)
    void psqlPrintsWhatPostgresqlWould() throws Exception {
        String said = run("psql-balance", tool("psql", "-c",
                "select bid, count(*) as tellers from pgbench_tellers group by bid order by bid"));
        assertTrue(said.contains(" bid | tellers"), said);
        assertTrue(said.contains("   1 |      10"), said);
        assertTrue(said.contains("(1 row)"), said);
        // \dt either lists the tables or fails with a clear error (catalog syntax this version does
        // not take); it never hangs, and psql goes on with the next command.
        String d = runAnyStatus("psql-describe", tool("psql", "-c", "\\dt", "-c", "select 'after' as then_what"));
        assertTrue(d.contains("pgbench_accounts") || d.contains("ERROR:  "), "\\dt lists the tables or says why not:\n" + d);
        assertTrue(d.contains(" after"), "psql goes on after \\dt:\n" + d);
    }
}
