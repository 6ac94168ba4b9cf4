package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** COPY FROM STDIN, psql, and the server's limits. */
class SessionFeaturesTest {
    @Test
    void copyInLoadsRowsAndABadRowFailsTheCopyOnly() throws Exception {
        try (ServerFixture fixture = new ServerFixture(); Connection c = fixture.connect("")) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder data = new StringBuilder();
            for (int i = 1; i <= 1000; i++) {
                data.append(i).append('\t').append("row ").append(i).append('\n');
            }
            assertEquals(1000, copy.copyIn("COPY kv FROM STDIN", new StringReader(data.toString()), 100));
            assertEquals(1000, fixture.engine.kv.size());
            assertEquals("row 777", fixture.engine.kv.get(777));
            PSQLException bad = assertThrows(PSQLException.class, () -> copy.copyIn("COPY kv FROM STDIN", new StringReader("x\ty\n")));
            assertEquals("22P02", bad.getSQLState());
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 9")) {
                assertTrue(rs.next());
                assertEquals(9, rs.getInt(1));
            }
        }
    }

    @Test
    void psqlRunsQueriesAndShowsErrors() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.engine.kv.put(1, "one");
            fixture.engine.kv.put(2, "two");
            Run ok = psql(fixture, "SELECT k, v FROM kv");
            assertEquals(0, ok.exit(), ok.output());
            assertEquals(List.of(" k |  v  ", "---+-----", " 1 | one", " 2 | two", "(2 rows)", ""), ok.output().lines().toList());
            Run typed = psql(fixture, "SELECT 7, 'x'");
            assertTrue(typed.output().contains(" 7 | x"), typed.output());
            Run error = psql(fixture, "FROB");
            assertEquals(1, error.exit());
            assertTrue(error.output().contains("ERROR:  syntax error at or near \"FROB\""), error.output());
            Run copied = psqlStdin(fixture, "COPY kv FROM STDIN", "5\tfive\n6\tsix\n\\.\n");
            assertEquals(0, copied.exit(), copied.output());
            assertTrue(copied.output().contains("COPY 2"), copied.output());
            assertEquals("six", fixture.engine.kv.get(6));
            fixture.awaitNoSessions();
        }
    }

    @Test
    void tooManyConnectionsAndTooLongMessagesAreRefused() throws Exception {
        try (ServerFixture fixture = new ServerFixture(Map.of(PgWireConfig.MAX_CONNECTIONS, "2", PgWireConfig.MAX_MESSAGE_BYTES, "4096"));
                Connection first = fixture.connect(""); Connection second = fixture.connect("")) {
            PSQLException full = assertThrows(PSQLException.class, () -> fixture.connect(""));
            assertEquals("53300", full.getSQLState());
            try (var s = first.createStatement()) {
                PSQLException big = assertThrows(PSQLException.class, () -> s.executeQuery("SELECT '" + "x".repeat(5000) + "'"));
                assertEquals("54000", big.getSQLState());
            }
            assertTrue(first.isClosed() || !first.isValid(2));
            try (var s = second.createStatement(); var rs = s.executeQuery("SELECT 3")) {
                assertTrue(rs.next());
            }
        }
    }

    record Run(int exit, String output) {
    }

    private static Run psql(ServerFixture fixture, String sql) throws Exception {
        return run(fixture, List.of("-c", sql), null);
    }

    private static Run psqlStdin(ServerFixture fixture, String sql, String stdin) throws Exception {
        return run(fixture, List.of("-c", sql), stdin);
    }

    private static Run run(ServerFixture fixture, List<String> args, String stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(fixture.server.port()), "-U",
                "tester", "-d", "hallows"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGSSLMODE", "disable");
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish: " + output);
        }
        return new Run(p.exitValue(), output);
    }
}
