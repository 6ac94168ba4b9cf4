package io.hallows.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 against RFC 7677's example exchange, and the verifier format. */
class ScramExchangeTest {
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String CLIENT_FINAL = "c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";

    @Test
    void rfc7677Example() throws Exception {
        ScramExchange exchange = new ScramExchange(ScramVerifier.derive("pencil", SALT, 4096), true, () -> SERVER_NONCE);
        assertEquals("r=" + CLIENT_NONCE + SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                text(exchange.serverFirst(bytes("n,,n=user,r=" + CLIENT_NONCE))));
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", text(exchange.serverFinal(bytes(CLIENT_FINAL))));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRejected() throws Exception {
        ScramExchange wrong = new ScramExchange(ScramVerifier.derive("crayon", SALT, 4096), true, () -> SERVER_NONCE);
        wrong.serverFirst(bytes("n,,n=user,r=" + CLIENT_NONCE));
        assertTrue(assertThrows(AuthenticationFailed.class, () -> wrong.serverFinal(bytes(CLIENT_FINAL))).rejected());
        ScramExchange unknown = new ScramExchange(ScramVerifier.derive("pencil", SALT, 4096), false, () -> SERVER_NONCE);
        unknown.serverFirst(bytes("n,,n=user,r=" + CLIENT_NONCE));
        assertTrue(assertThrows(AuthenticationFailed.class, () -> unknown.serverFinal(bytes(CLIENT_FINAL))).rejected());
    }

    @Test
    void malformedMessagesAreNotRejectionsButErrors() throws Exception {
        for (String first : List.of("", "n,", "p=tls-server-end-point,,n=,r=abc", "n,a=admin,n=,r=abc", "n,,x=,r=abc", "n,,n=,r=")) {
            ScramExchange e = new ScramExchange(ScramVerifier.derive("pencil", SALT, 4096), true, () -> SERVER_NONCE);
            assertFalse(assertThrows(AuthenticationFailed.class, () -> e.serverFirst(bytes(first)), first).rejected(), first);
        }
        for (String last : List.of("", "c=biws,r=" + CLIENT_NONCE + "x,p=AAAA", "c=eSws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=AAAA",
                "c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=!!")) {
            ScramExchange e = new ScramExchange(ScramVerifier.derive("pencil", SALT, 4096), true, () -> SERVER_NONCE);
            e.serverFirst(bytes("n,,n=user,r=" + CLIENT_NONCE));
            assertFalse(assertThrows(AuthenticationFailed.class, () -> e.serverFinal(bytes(last)), last).rejected(), last);
        }
    }

    @Test
    void verifiersReadAndWritePostgresFormat() {
        ScramVerifier v = ScramVerifier.derive("pencil", SALT, 4096);
        ScramVerifier parsed = ScramVerifier.parse(v.toString());
        assertEquals(v.toString(), parsed.toString());
        assertTrue(v.toString().startsWith("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"));
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("md5abcdef"));
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("SCRAM-SHA-256$4096:c2FsdA==$AAAA"));
        assertEquals("IV X", ScramVerifier.prepare("\u2163\u00A0X\u00AD"));
    }

    @Test
    void theUsersFileNamesTheBadLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserStore.parse(List.of("# users", "alice:pw", "nocolon"), "users.txt"));
        assertEquals("users.txt:3: expected user:SCRAM-SHA-256$… or user:password", e.getMessage());
        assertEquals(1, UserStore.parse(List.of("alice:pw", ""), "u").size());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
