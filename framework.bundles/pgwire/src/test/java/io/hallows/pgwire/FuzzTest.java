package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.pgwire.protocol.Backend;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated message streams, from a fixed seed (printed on failure): every stream ends
 * with the connection closed after an ErrorResponse (or a Terminate/cancel), or waiting for more
 * bytes with no statement running; the server's output stays well-formed; no session leaks; and
 * the server keeps serving.
 */
class FuzzTest {
    private static final long SEED = 0x5EED_2026L;
    private static final int DIRECT_STREAMS = 10_000;
    private static final int SOCKET_STREAMS = 300;

    @Test
    void tenThousandStreamsIntoTheDecoder() {
        Random random = new Random(SEED);
        MapEngine engine = new MapEngine(Runnable::run);
        Backend backend = DirectConnection.backend(engine);
        List<byte[]> seeds = seeds();
        int errors = 0;
        for (int i = 0; i < DIRECT_STREAMS; i++) {
            byte[] stream = mutate(seeds.get(random.nextInt(seeds.size())), random);
            DirectConnection c = new DirectConnection(engine, backend);
            String context = "stream " + i + " (seed " + SEED + "): " + Arrays.toString(Arrays.copyOf(stream, Math.min(64, stream.length)));
            try {
                int at = 0;
                while (at < stream.length && !c.connection.isClosed()) {
                    int chunk = 1 + random.nextInt(Math.max(1, stream.length - at));
                    c.send(Arrays.copyOfRange(stream, at, at + Math.min(chunk, stream.length - at)));
                    at += chunk;
                }
                List<Character> types = c.wire.messageTypes();
                if (c.wire.closed) {
                    errors += types.contains('E') ? 1 : 0;
                } else {
                    assertTrue(!c.connection.isBusy(), "not closed, so it must be waiting for the client: " + context);
                    c.connection.closed();
                }
                assertEquals(0, engine.openSessions.get(), "no session outlives its connection: " + context);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(context + ": " + e, e);
            }
        }
        assertEquals(0, backend.cancelKeys().size());
        assertTrue(errors > DIRECT_STREAMS / 4, "most mutations are caught as errors, " + errors + " were");
    }

    @Test
    void mutatedStreamsOverSocketsThenTheServerStillServes() throws Exception {
        Random random = new Random(SEED + 1);
        List<byte[]> seeds = seeds();
        try (ServerFixture fixture = new ServerFixture()) {
            for (int i = 0; i < SOCKET_STREAMS; i++) {
                byte[] stream = mutate(seeds.get(random.nextInt(seeds.size())), random);
                try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    try {
                        out.write(stream);
                        socket.shutdownOutput();
                    } catch (java.io.IOException closedEarly) {
                        // The server may close before it has read everything: that is an answer too.
                    }
                    InputStream in = socket.getInputStream();
                    try {
                        in.readAllBytes();
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("stream " + i + " (seed " + (SEED + 1) + ") hangs: " + Arrays.toString(stream), e);
                    } catch (java.io.IOException reset) {
                        // a reset after the server closed: an end too
                    }
                }
            }
            try (Connection c = fixture.connect(""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 11")) {
                assertTrue(rs.next());
                assertEquals(11, rs.getInt(1));
            }
            fixture.awaitNoSessions();
        }
    }

    /** Well-formed conversations the mutations start from. */
    private static List<byte[]> seeds() {
        FrontendMessages login = DirectConnection.login();
        return List.of(
                DirectConnection.login().query("SELECT 1, 'a'").query("SELECT k, v FROM kv").empty('X').bytes(),
                DirectConnection.login().parse("s", "SELECT $1::int8, $2::text", 20, 25).bind("p", "s", 1, "7", "x").describe('P', "p")
                        .execute("p", 0).empty('S').typed('C', "Ss\0").empty('S').bytes(),
                DirectConnection.login().query("COPY kv FROM STDIN").typed('d', "1\tone\n").empty('c').query("BEGIN; SELECT 2; COMMIT").bytes(),
                DirectConnection.login().parse("", "SELECT generate_series(1, 9)").bind("", "", 0).execute("", 3).execute("", 0)
                        .empty('H').empty('S').bytes(),
                new FrontendMessages().code(80877103).startup(3 << 16 | 1, "user", "u", "database", "hallows", "_pq_.x", "y")
                        .query("SET a = b").bytes(),
                new FrontendMessages().code(80877102, 1, 2).bytes(),
                login.query("SELECT $1").bytes());
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> {
                int at = random.nextInt(b.length);
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                byte[] grown = new byte[b.length + noise.length];
                System.arraycopy(b, 0, grown, 0, at);
                System.arraycopy(noise, 0, grown, at, noise.length);
                System.arraycopy(b, at, grown, at + noise.length, b.length - at);
                b = grown;
            }
            case 3 -> {
                // A length word anywhere set to something big, negative or tiny.
                int at = random.nextInt(Math.max(1, b.length - 4));
                int[] lengths = {Integer.MAX_VALUE, -1, 0, 3, 4, 5, 1 << 20, 70_000};
                java.nio.ByteBuffer.wrap(b).putInt(Math.min(at, b.length - 4), lengths[random.nextInt(lengths.length)]);
            }
            case 4 -> {
                b = new byte[random.nextInt(200)];
                random.nextBytes(b);
            }
            default -> {
                int from = random.nextInt(b.length);
                int to = from + random.nextInt(b.length - from);
                byte[] doubled = new byte[b.length + (to - from)];
                System.arraycopy(b, 0, doubled, 0, to);
                System.arraycopy(b, from, doubled, to, b.length - from);
                b = doubled;
            }
        }
        return b;
    }
}
