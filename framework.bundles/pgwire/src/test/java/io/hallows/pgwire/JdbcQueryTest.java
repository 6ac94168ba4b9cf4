package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

/** The real PostgreSQL JDBC driver against the server, in the simple and the extended protocol. */
class JdbcQueryTest {
    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.awaitNoSessions();
        fixture.close();
    }

    @BeforeEach
    void empty() {
        fixture.engine.kv.clear();
    }

    /** prepareThreshold=0: never a named statement; 1: named from the first use; simple: the simple query protocol. */
    @ParameterizedTest
    @ValueSource(strings = {"prepareThreshold=0", "prepareThreshold=1", "prepareThreshold=1&binaryTransfer=false",
            "preferQueryMode=simple"})
    void insertsAndSelects(String mode) throws Exception {
        try (Connection c = fixture.connect(mode)) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "v" + i);
                    assertEquals(1, insert.executeUpdate());
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT k, v FROM kv WHERE k = ?")) {
                for (int round = 0; round < 3; round++) {
                    select.setInt(1, 2);
                    try (ResultSet rs = select.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(2, rs.getInt(1));
                        assertEquals("v2", rs.getString("v"));
                        assertFalse(rs.next());
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k, v FROM kv")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertEquals("v" + n, rs.getString(2));
                }
                assertEquals(3, n);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepareThreshold=0", "prepareThreshold=-1", "prepareThreshold=1&binaryTransfer=false"})
    void everyTypeRoundTrips(String mode) throws Exception {
        byte[] bytes = {0, 1, (byte) 0xFF, '\\', 'x'};
        LocalDateTime ts = LocalDateTime.of(2024, 2, 29, 13, 45, 1, 250_000_000);
        OffsetDateTime tstz = OffsetDateTime.of(2024, 2, 29, 13, 45, 1, 123_456_000, ZoneOffset.ofHours(2));
        try (Connection c = fixture.connect(mode); PreparedStatement p = c.prepareStatement(
                "SELECT ?::bool, ?::int2, ?::int4, ?::int8, ?::float4, ?::float8, ?::numeric, ?::text, ?::varchar, ?::date, "
                        + "?::timestamp, ?::timestamptz, ?::bytea, ?::int4")) {
            p.setBoolean(1, true);
            p.setShort(2, (short) -32768);
            p.setInt(3, Integer.MAX_VALUE);
            p.setLong(4, Long.MIN_VALUE);
            p.setFloat(5, 1.5e-7f);
            p.setDouble(6, Math.PI);
            p.setBigDecimal(7, new BigDecimal("-12345678901234567890.000123400"));
            p.setString(8, "héllo\twörld ✓");
            p.setString(9, "");
            p.setObject(10, LocalDate.of(1999, 12, 31));
            p.setObject(11, ts);
            p.setObject(12, tstz);
            p.setBytes(13, bytes);
            p.setNull(14, java.sql.Types.INTEGER);
            for (int round = 0; round < 3; round++) {
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1));
                    assertEquals((short) -32768, rs.getShort(2));
                    assertEquals(Integer.MAX_VALUE, rs.getInt(3));
                    assertEquals(Long.MIN_VALUE, rs.getLong(4));
                    assertEquals(1.5e-7f, rs.getFloat(5));
                    assertEquals(Math.PI, rs.getDouble(6));
                    assertEquals(new BigDecimal("-12345678901234567890.000123400"), rs.getBigDecimal(7));
                    assertEquals("héllo\twörld ✓", rs.getString(8));
                    assertEquals("", rs.getString(9));
                    assertEquals(LocalDate.of(1999, 12, 31), rs.getObject(10, LocalDate.class));
                    assertEquals(ts, rs.getObject(11, LocalDateTime.class));
                    assertEquals(tstz.toInstant(), rs.getObject(12, OffsetDateTime.class).toInstant());
                    assertArrayEquals(bytes, rs.getBytes(13));
                    assertEquals(0, rs.getInt(14));
                    assertTrue(rs.wasNull());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepareThreshold=1", "preferQueryMode=simple"})
    void anErrorLeavesTheConnectionUsable(String mode) throws Exception {
        try (Connection c = fixture.connect(mode); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.executeQuery("FROB the table"));
            assertEquals("42601", e.getSQLState());
            assertEquals(1, e.getServerErrorMessage().getPosition());
            s.executeUpdate("DELETE FROM kv");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
                p.setInt(1, 7);
                p.setString(2, "x");
                p.executeUpdate();
                PSQLException dup = assertThrows(PSQLException.class, p::executeUpdate);
                assertEquals("23505", dup.getSQLState());
                assertEquals("Key (k)=(7) already exists.", dup.getServerErrorMessage().getDetail());
            }
            try (ResultSet rs = s.executeQuery("SELECT k, v FROM kv")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void transactionsAndFetchSizeUsePortals() throws Exception {
        try (Connection c = fixture.connect("prepareThreshold=1")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10);
                try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 95)")) {
                    int n = 0;
                    while (rs.next()) {
                        assertEquals(++n, rs.getInt(1));
                    }
                    assertEquals(95, n);
                }
                s.executeUpdate("DELETE FROM kv");
                assertThrows(PSQLException.class, () -> s.executeQuery("nonsense"));
                PSQLException aborted = assertThrows(PSQLException.class, () -> s.executeQuery("SELECT 1"));
                assertEquals("25P02", aborted.getSQLState());
            }
            c.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            c.commit();
        }
    }

    /** JDBC pipelines a batch: thousands of messages arrive before the first answer (the queue pauses the socket). */
    @ParameterizedTest
    @ValueSource(strings = {"prepareThreshold=1", "prepareThreshold=0"})
    void aLargeBatchIsPipelined(String mode) throws Exception {
        try (Connection c = fixture.connect(mode); PreparedStatement p = c.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
            for (int i = 0; i < 5000; i++) {
                p.setInt(1, i);
                p.setString(2, "x".repeat(i % 50));
                p.addBatch();
            }
            int[] counts = p.executeBatch();
            assertEquals(5000, counts.length);
            assertEquals(5000, fixture.engine.kv.size());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k, v FROM kv")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(5000, n);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void parameterStatusAndNotices() throws Exception {
        try (Connection c = fixture.connect("ApplicationName=first"); Statement s = c.createStatement()) {
            assertEquals("first", c.getClientInfo("ApplicationName"));
            s.execute("SET application_name = 'second'");
            assertEquals("second", c.getClientInfo("ApplicationName"));
            s.execute("DO 'mind the gap'");
            SQLWarning warning = s.getWarnings();
            assertEquals("mind the gap", warning.getMessage());
            assertNull(warning.getNextWarning());
        }
    }

    @org.junit.jupiter.api.Test
    void unknownDatabaseIsRefused() {
        PSQLException e = assertThrows(PSQLException.class, () -> java.sql.DriverManager.getConnection(
                fixture.url("").replace("/hallows", "/nowhere"), "tester", ""));
        assertEquals("3D000", e.getSQLState());
        assertTrue(e.getMessage().contains("database \"nowhere\" does not exist"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void cancelStopsAPendingStatement() throws Exception {
        try (Connection c = fixture.connect(""); Statement s = c.createStatement()) {
            int before = fixture.engine.cancels.get();
            Thread canceller = new Thread(() -> {
                try {
                    // The statement must be running: wait until the engine holds it.
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (!sleeping() && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    s.cancel();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            long start = System.nanoTime();
            PSQLException e = assertThrows(PSQLException.class, () -> s.executeQuery("SELECT pg_sleep(30)"));
            canceller.join();
            assertEquals("57014", e.getSQLState());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "cancelled, not timed out");
            assertEquals(before + 1, fixture.engine.cancels.get());
            try (ResultSet rs = s.executeQuery("SELECT 5")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
        }
    }

    private static boolean sleeping() {
        return fixture.engine.sleepers.get() > 0;
    }
}
