package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The protocol's message sequences, byte for byte, without sockets. */
class ProtocolTest {
    private static final String LOGGED_IN = "R" + "SSSSSSS" + "K" + "Z";

    @Test
    void startupReportsParametersKeyAndReadiness() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login());
        assertEquals(LOGGED_IN, c.types());
        assertEquals(1, c.engine.openSessions.get());
    }

    @Test
    void aPipelinedExtendedQueryIsAnsweredInOrderAndRowsComeInParts() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login());
        c.send(new FrontendMessages().parse("s1", "SELECT generate_series(1, 5)").describe('S', "s1").bind("p1", "s1", 1)
                .execute("p1", 2).execute("p1", 2).execute("p1", 2).empty('S'));
        // ParseComplete, ParameterDescription, RowDescription, BindComplete, 2 rows + PortalSuspended twice, 1 row + CommandComplete
        assertEquals(LOGGED_IN + "1tT2" + "DDs" + "DDs" + "DC" + "Z", c.types());
        assertTrue(lastWrite(c).contains("SELECT 1"), "the last part's tag counts its own rows");
    }

    @Test
    void afterAnErrorEverythingUntilSyncIsSkipped() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login());
        c.send(new FrontendMessages().parse("", "FROB").bind("", "", 0).execute("", 0).empty('S')
                .parse("", "SELECT 1").bind("", "", 0).execute("", 0).empty('S'));
        assertEquals(LOGGED_IN + "EZ" + "12DCZ", c.types());
    }

    @Test
    void bindChecksItsParametersAgainstTheStatement() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login());
        c.send(new FrontendMessages().parse("", "SELECT $1::int4").bind("", "", 0, "12x").empty('S')
                .bind("", "", 0).empty('S').bind("", "nope", 0).empty('S'));
        String all = allText(c);
        assertTrue(all.contains("invalid input syntax for type integer: \"12x\""), all);
        assertTrue(all.contains("bind message supplies 0 parameters, but prepared statement \"\" requires 1"), all);
        assertTrue(all.contains("prepared statement \"nope\" does not exist"), all);
        assertEquals(LOGGED_IN + "1EZ" + "EZ" + "EZ", c.types());
        assertFalse(c.wire.closed);
    }

    @Test
    void emptyQueriesAndSeveralStatementsInOneSimpleQuery() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login());
        c.send(new FrontendMessages().query("  ; -- nothing\n").query("SELECT 1; SELECT 'a', 2; FROB; SELECT 3"));
        assertEquals(LOGGED_IN + "IZ" + "TDC" + "TDC" + "EZ", c.types());
    }

    @Test
    void newerMinorVersionsAreNegotiatedAndOtherVersionsRefused() {
        DirectConnection newer = DirectConnection.create()
                .send(new FrontendMessages().startup(3 << 16 | 2, "user", "u", "database", "hallows", "_pq_.magic", "1"));
        assertEquals("v" + LOGGED_IN, newer.types());
        DirectConnection old = DirectConnection.create().send(new FrontendMessages().startup(2 << 16, "user", "u"));
        assertEquals("E", old.types());
        assertTrue(allText(old).contains("unsupported frontend protocol 2.0"));
        assertTrue(old.wire.closed);
    }

    @Test
    void sslAndGssRequestsAreDeclinedWithoutTls() {
        DirectConnection c = DirectConnection.create().send(new FrontendMessages().code(80877104).bytes());
        c.send(new FrontendMessages().code(80877103).bytes()).send(DirectConnection.login());
        assertEquals("NN" + LOGGED_IN, c.types());
    }

    @Test
    void protocolViolationsEndTheConnectionWithAFatalError() {
        DirectConnection unknownType = DirectConnection.create().send(DirectConnection.login()).send(new FrontendMessages().empty('?'));
        assertTrue(unknownType.wire.closed);
        assertTrue(allText(unknownType).contains("08P01"));
        DirectConnection tooLong = DirectConnection.create().send(DirectConnection.login())
                .send(Buffer.buffer().appendByte((byte) 'Q').appendInt(DirectConnection.MAX_MESSAGE_BYTES + 1).getBytes());
        assertTrue(tooLong.wire.closed);
        assertTrue(allText(tooLong).contains("54000"));
        assertEquals(0, tooLong.engine.openSessions.get(), "the session is closed with the connection");
        DirectConnection shortBody = DirectConnection.create().send(DirectConnection.login())
                .send(new FrontendMessages().typed('E', new byte[] {'x', 0, 1}));
        assertTrue(shortBody.wire.closed);
        assertTrue(allText(shortBody).contains("message too short"));
    }

    @Test
    void unknownDatabaseAndMissingUserAreFatal() {
        DirectConnection noDb = DirectConnection.create().send(new FrontendMessages().startup(3 << 16, "user", "u", "database", "x"));
        assertTrue(allText(noDb).contains("3D000") && allText(noDb).contains("database \"x\" does not exist"));
        assertTrue(noDb.wire.closed);
        DirectConnection noUser = DirectConnection.create().send(new FrontendMessages().startup(3 << 16, "database", "hallows"));
        assertTrue(allText(noUser).contains("28000"));
    }

    @Test
    void terminateClosesTheSession() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login()).send(new FrontendMessages().empty('X'));
        assertTrue(c.wire.closed);
        assertEquals(0, c.engine.openSessions.get());
    }

    @Test
    void aCancelRequestNeedsTheRightKeyAndWhileAStatementRunsTheQueuePausesTheSocket() {
        DirectConnection c = DirectConnection.create().send(DirectConnection.login());
        Buffer key = c.wire.writes.get(0);
        int at = key.length() - 6 - 13; // BackendKeyData (13 bytes) comes right before ReadyForQuery (6 bytes)
        assertEquals('K', (char) key.getByte(at));
        int pid = key.getInt(at + 5);
        int secret = key.getInt(at + 9);
        c.send(new FrontendMessages().query("SELECT pg_sleep(60)"));
        assertTrue(c.connection.isBusy());
        FrontendMessages pipeline = new FrontendMessages();
        for (int i = 0; i < 300; i++) {
            pipeline.query("SELECT " + i);
        }
        c.send(pipeline);
        assertTrue(c.wire.paused, "a long queue pauses the socket");

        DirectConnection wrong = new DirectConnection(c.engine, c.backend).send(new FrontendMessages().code(80877102, pid, secret + 1).bytes());
        assertTrue(wrong.wire.closed);
        assertEquals("", wrong.types(), "a cancel request gets no answer");
        assertEquals(0, c.engine.cancels.get());
        assertTrue(c.connection.isBusy());

        new DirectConnection(c.engine, c.backend).send(new FrontendMessages().code(80877102, pid, secret).bytes());
        assertEquals(1, c.engine.cancels.get());
        assertFalse(c.connection.isBusy());
        assertFalse(c.wire.paused, "the queue drained, reading resumes");
        assertTrue(allText(c).contains("canceling statement due to user request"));
        assertTrue(c.types().endsWith("TDCZ"), "all 300 queued queries were answered: " + c.types().substring(c.types().length() - 30));
        assertEquals(LOGGED_IN.length() + 2 + 300 * 4, c.types().length());
    }

    private static String allText(DirectConnection c) {
        StringBuilder s = new StringBuilder();
        c.wire.writes.forEach(b -> s.append(new String(b.getBytes(), StandardCharsets.UTF_8)));
        return s.toString();
    }

    private static String lastWrite(DirectConnection c) {
        return new String(c.wire.writes.get(c.wire.writes.size() - 1).getBytes(), StandardCharsets.UTF_8);
    }
}
