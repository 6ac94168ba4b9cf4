package io.hallows.run.it.oltp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bank of the crash and isolation tests: {@value #ACCOUNTS} accounts of {@value #OPENING}
 * each, and a {@code transfers} table recording every transfer in the transaction that makes it,
 * so that each account's balance can be recomputed from the transfers and a partial transaction
 * would show.
 */
final class Bank {
    static final int ACCOUNTS = 1000;
    static final long OPENING = 1000;

    private Bank() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL)");
            s.execute("CREATE TABLE transfers (id bigint PRIMARY KEY, src int NOT NULL, dst int NOT NULL, amount int NOT NULL)");
            s.execute("INSERT INTO accounts SELECT g, " + OPENING + " FROM generate_series(1, " + ACCOUNTS + ") AS t(g)");
        }
    }

    /** One transfer in one transaction; the connection is in manual-commit mode. */
    static void transfer(Connection c, long id, int src, int dst, int amount) throws SQLException {
        try (PreparedStatement debit = c.prepareStatement("UPDATE accounts SET balance = balance - ? WHERE id = ?");
                PreparedStatement credit = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
                PreparedStatement record = c.prepareStatement("INSERT INTO transfers (id, src, dst, amount) VALUES (?, ?, ?, ?)")) {
            debit.setLong(1, amount);
            debit.setInt(2, src);
            assertEquals(1, debit.executeUpdate());
            credit.setLong(1, amount);
            credit.setInt(2, dst);
            assertEquals(1, credit.executeUpdate());
            record.setLong(1, id);
            record.setInt(2, src);
            record.setInt(3, dst);
            record.setInt(4, amount);
            record.executeUpdate();
            c.commit();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the transaction with it
            }
            throw e;
        }
    }

    /**
     * Checks the bank after a restart: the total is unchanged, every account's balance is its
     * opening plus what the recorded transfers moved (no partial transaction), and returns the ids
     * of the recorded transfers.
     */
    static Set<Long> check(Connection c) throws SQLException {
        Map<Integer, Long> expected = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, src, dst, amount FROM transfers")) {
            while (r.next()) {
                ids.add(r.getLong(1));
                expected.merge(r.getInt(2), -r.getLong(4), Long::sum);
                expected.merge(r.getInt(3), r.getLong(4), Long::sum);
            }
        }
        long total = 0;
        int accounts = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, balance FROM accounts")) {
            while (r.next()) {
                accounts++;
                total += r.getLong(2);
                long want = OPENING + expected.getOrDefault(r.getInt(1), 0L);
                assertEquals(want, r.getLong(2), "account " + r.getInt(1) + " against the recorded transfers: a partial transaction");
            }
        }
        assertEquals(ACCOUNTS, accounts, "every account is there");
        assertEquals(ACCOUNTS * OPENING, total, "the total balance is unchanged");
        return ids;
    }
}
