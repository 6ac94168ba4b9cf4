package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.pgwire.auth.ScramVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/** SCRAM-SHA-256 with the JDBC driver: a plain-password user and a user stored as PostgreSQL's verifier. */
class ScramJdbcTest {
    @TempDir
    Path dir;

    @Test
    void rightPasswordsGetInWrongOnesAndUnknownUsersDoNot() throws Exception {
        Path users = dir.resolve("users");
        ScramVerifier stored = ScramVerifier.derive("s3cret-ü", "0123456789abcdef".getBytes(), 4096);
        Files.write(users, List.of("# comment", "", "alice:wonderland", "bob:" + stored));
        try (ServerFixture fixture = new ServerFixture(Map.of(PgWireConfig.AUTH, "scram-sha-256", PgWireConfig.USERS, users.toString()))) {
            assertLogsIn(fixture, "alice", "wonderland");
            assertLogsIn(fixture, "bob", "s3cret-ü");
            for (String[] attempt : new String[][] {{"alice", "wrong"}, {"bob", "wonderland"}, {"mallory", "wonderland"}}) {
                PSQLException e = assertThrows(PSQLException.class, () -> DriverManager.getConnection(fixture.url(""), attempt[0], attempt[1]));
                assertEquals("28P01", e.getSQLState(), attempt[0]);
                assertTrue(e.getMessage().contains("password authentication failed for user \"" + attempt[0] + "\""), e.getMessage());
            }
            fixture.awaitNoSessions();
        }
    }

    private static void assertLogsIn(ServerFixture fixture, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(fixture.url(""), user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }
}
