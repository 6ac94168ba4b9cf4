package io.hallows.run.it.oltp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OLTP database of a real stack process through the PostgreSQL JDBC driver: types in both
 * wire formats, errors with SQLSTATEs, the driver's metadata calls, and isolation: the bank
 * invariant under SERIALIZABLE with 16 clients, and the anomalies each level allows or refuses.
 */
class OltpJdbcIT {
    @TempDir
    static Path work;
    private static StackProcess stack;

    @BeforeAll
    static void boot() throws Exception {
        stack = new StackProcess(work);
        stack.start();
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static Connection connect(int prepareThreshold, boolean binary) throws SQLException {
        Properties p = new Properties();
        p.setProperty("prepareThreshold", Integer.toString(prepareThreshold));
        p.setProperty("binaryTransfer", Boolean.toString(binary));
        p.setProperty("socketTimeout", "60");
        return stack.connect(p);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void everyTypeRoundTripsInTextAndBinary(int mode) throws Exception {
        String table = "types_" + mode;
        try (Connection c = connect(mode == 0 ? 0 : 1, mode == 2); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (k int4 PRIMARY KEY, i8 int8, n numeric(12,3), f float8, b bool, t text,"
                    + " v varchar(10), ch char(5), ts timestamp, by bytea)");
            LocalDateTime when = LocalDateTime.of(2026, 12, 3, 14, 15, 16, 123_456_000);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 1; k <= 3; k++) { // a few times, so that the driver switches to a named, binary statement
                    ins.setInt(1, k);
                    ins.setLong(2, Long.MAX_VALUE - k);
                    ins.setBigDecimal(3, new BigDecimal("123456789.125"));
                    ins.setDouble(4, 0.1 + k);
                    ins.setBoolean(5, k % 2 == 0);
                    ins.setString(6, "tab\there, quote ' and é");
                    ins.setString(7, "varchar");
                    ins.setString(8, "ab");
                    ins.setTimestamp(9, Timestamp.valueOf(when));
                    ins.setBytes(10, new byte[] {0, 1, (byte) 0xFF, 10});
                    assertEquals(1, ins.executeUpdate());
                }
                ins.setInt(1, 4);
                for (int i = 2; i <= 10; i++) {
                    ins.setNull(i, java.sql.Types.NULL);
                }
                ins.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM " + table + " WHERE k = ?")) {
                for (int round = 0; round < 3; round++) {
                    q.setInt(1, 2);
                    try (ResultSet r = q.executeQuery()) {
                        assertTrue(r.next());
                        assertEquals(2, r.getInt(1));
                        assertEquals(Long.MAX_VALUE - 2, r.getLong(2));
                        assertEquals(new BigDecimal("123456789.125"), r.getBigDecimal(3));
                        assertEquals(2.1, r.getDouble(4));
                        assertTrue(r.getBoolean(5));
                        assertEquals("tab\there, quote ' and é", r.getString(6));
                        assertEquals("varchar", r.getString(7));
                        assertEquals("ab   ", r.getString(8), "char(5) is blank-padded");
                        assertEquals(Timestamp.valueOf(when), r.getTimestamp(9));
                        assertArrayEquals(new byte[] {0, 1, (byte) 0xFF, 10}, r.getBytes(10));
                        assertFalse(r.next());
                    }
                }
                q.setInt(1, 4);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next());
                    for (int i = 2; i <= 10; i++) {
                        assertEquals(null, r.getObject(i), "column " + i + " is NULL");
                    }
                }
            }
        }
    }

    @Test
    void errorsCarrySqlstateAndPositionAndTheConnectionGoesOn() throws Exception {
        try (Connection c = connect(1, false); Statement s = c.createStatement()) {
            SQLException syntax = assertThrows(SQLException.class, () -> s.executeQuery("SELEC 1"));
            assertEquals("42601", syntax.getSQLState(), syntax.getMessage());
            SQLException table = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
            assertEquals("42P01", table.getSQLState(), table.getMessage());
            assertTrue(table.getMessage().contains("no_such_table"), table.getMessage());
            s.execute("CREATE TABLE uniq (k int PRIMARY KEY)");
            s.execute("INSERT INTO uniq VALUES (1)");
            SQLException dup = assertThrows(SQLException.class, () -> s.execute("INSERT INTO uniq VALUES (1)"));
            assertEquals("23505", dup.getSQLState(), dup.getMessage());
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM uniq")) {
                assertTrue(r.next());
                assertEquals(1, r.getLong(1));
            }
        }
    }

    @Test
    void theDriversMetadataCallsAnswerOrFailClearly() throws Exception {
        try (Connection c = connect(1, false); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta_t (id int PRIMARY KEY, name text)");
            DatabaseMetaData md = c.getMetaData();
            assertTrue(md.getDatabaseProductVersion().startsWith("15") || md.getDatabaseMajorVersion() >= 9, md.getDatabaseProductVersion());
            List<String> tables = new ArrayList<>();
            try (ResultSet r = md.getTables(null, null, "meta_t", new String[] {"TABLE"})) {
                while (r.next()) {
                    tables.add(r.getString("TABLE_NAME"));
                }
            } catch (SQLException e) {
                // Catalog queries this version cannot answer fail with PostgreSQL's error for what is missing.
                assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("42") || "0A000".equals(e.getSQLState()),
                        "an unsupported metadata query says what is missing: " + e.getSQLState() + " " + e.getMessage());
            }
            assertTrue(tables.isEmpty() || tables.equals(List.of("meta_t")), tables.toString());
            try (ResultSet r = s.executeQuery("SELECT 1")) {
                assertTrue(r.next(), "the connection is usable after the metadata calls");
            }
        }
    }

    @Test
    void theBankInvariantHoldsUnderSerializableWithSixteenClients() throws Throwable {
        try (Connection c = stack.connect()) {
            Bank.create(c);
        }
        BankLoad load = new BankLoad(stack, 16, 1, 2_000, Connection.TRANSACTION_SERIALIZABLE);
        load.start();
        assertTrue(load.awaitWarm(120), "2,000 serializable transfers got through");
        load.stop();
        load.join();
        try (Connection c = stack.connect()) {
            assertTrue(Bank.check(c).containsAll(load.acknowledged()), "every acknowledged transfer is there");
        }
    }
}
