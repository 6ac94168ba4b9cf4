package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    private SqlFixture db;

    @BeforeEach
    void setUp() {
        db = new SqlFixture();
        db.ok("create table t (id int4 primary key, name text, n int4)");
        db.ok("insert into t values (1, 'a', 10)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void expect(String sql, String state, int position) {
        SqlException e = db.error(sql);
        assertEquals(state, e.sqlState(), sql + ": " + e.getMessage());
        if (position >= 0) {
            assertEquals(position, e.position(), sql + ": " + e.getMessage());
        }
    }

    @Test
    void statesAndPositions() {
        expect("selec * from t", "42601", 1);
        expect("select * from t wher id = 1", "42601", 22);
        expect("select * from nowhere", "42P01", 15);
        expect("select nope from t", "42703", 8);
        expect("select nosuchfn(1)", "42883", 8);
        expect("select 1 / 0", "22012", -1);
        expect("select 'abc'::int4", "22P02", -1);
        expect("select 2147483647::int4 + 1", "22003", -1);
        expect("insert into t values (1, 'dup', 0)", "23505", -1);
        expect("insert into t (name) values ('no key')", "23502", -1);
        expect("select id from t where n = 1 and 1", "42804", -1);
        expect("select id from t where n", "42804", -1);
    }

    @Test
    void positionCountsFromTheStartOfTheQuery() {
        QueryOutcome o = db.query(db.session, "select 1;\nselect * from missing");
        assertEquals(1, o.results().size());
        assertEquals("42P01", o.error().sqlState());
        assertEquals(25, o.error().position());
    }

    @Test
    void aFailedBlockRefusesStatementsUntilRollback() {
        db.ok("begin");
        db.ok("update t set n = 11 where id = 1");
        db.error("select * from missing");
        assertEquals(TransactionStatus.FAILED, db.session.transactionStatus());
        assertEquals("25P02", db.error("select 1").sqlState());
        assertEquals("ROLLBACK", db.ok("commit").commandTag());
        assertEquals(TransactionStatus.IDLE, db.session.transactionStatus());
        assertEquals(10, db.value("select n from t where id = 1"), "the block's update was rolled back");
        db.ok("begin");
        db.ok("update t set n = 12 where id = 1");
        db.ok("rollback");
        assertEquals(10, db.value("select n from t where id = 1"));
    }

    @Test
    void laterStatementsOfAFailedSimpleQueryDoNotRun() {
        QueryOutcome o = db.query(db.session, "update t set n = 20; select 1/0; update t set n = 30");
        assertEquals(1, o.results().size());
        assertEquals("22012", o.error().sqlState());
        assertEquals(20, db.value("select n from t"));
    }

    @Test
    void unsupportedStatementsFailCleanly() {
        expect("frobnicate the database", "42601", 1);
        expect("copy t to stdout", "42601", -1);
        expect("create table d (a int4 default 1)", "0A000", 24);
        expect("create table t (a int4)", "42P07", -1);
        expect("drop table nothere", "42P01", -1);
        expect("create table d (a int4, b nosuchtype)", "42704", -1);
        QueryOutcome ok = db.query(db.session, "select 1");
        assertNull(ok.error());
    }
}
