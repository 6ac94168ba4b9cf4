package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a key store, an SSLRequest is answered 'S' and the connection continues in TLS. */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void jdbcAndPsqlConnectOverTls() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "pgwire", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, keytoolOutput);
        try (ServerFixture fixture = new ServerFixture(Map.of(PgWireConfig.TLS_KEY_STORE, keyStore.toString(),
                PgWireConfig.TLS_PASSWORD, "changeit"))) {
            try (Connection c = fixture.connect("sslmode=require&sslfactory=org.postgresql.ssl.NonValidatingFactory");
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 'secret'")) {
                assertTrue(rs.next());
                assertEquals("secret", rs.getString(1));
            }
            Process psql = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(fixture.server.port()), "-U", "tester",
                    "-d", "hallows", "-c", "\\conninfo").redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(psql.waitFor(30, TimeUnit.SECONDS), output);
            assertTrue(output.contains("SSL connection (protocol: TLSv1."), output);
            fixture.awaitNoSessions();
        }
    }
}
