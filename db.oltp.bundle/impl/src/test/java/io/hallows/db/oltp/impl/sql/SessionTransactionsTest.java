package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.oltp.impl.store.Isolation;
import io.hallows.sql.api.CopyIn;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.TransactionStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTransactionsTest {
    private SqlFixture db;

    @BeforeEach
    void setUp() {
        db = new SqlFixture(new SqlOptions(Isolation.READ_COMMITTED, true, () -> Map.of("commits", "7"), 3));
        db.ok("create table t (id int4 primary key, n int4)");
        db.ok("insert into t values (1, 0), (2, 0)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Waits until the one-thread executor has run everything queued so far. */
    private void drain() {
        SqlFixture.await(CompletableFuture.runAsync(() -> { }, db.executor));
    }

    @Test
    void aWriteThatMustWaitRunsAgainWhenTheOtherTransactionEnds() {
        Session other = db.engine.open("other", Map.of());
        db.ok("begin");
        db.ok("update t set n = n + 1 where id = 1");
        CompletableFuture<QueryOutcome> waiting = other.query("update t set n = n + 10 where id = 1");
        drain();
        assertFalse(waiting.isDone(), "the second writer waits for the first");
        db.ok("commit");
        QueryOutcome o = SqlFixture.await(waiting);
        assertNull(o.error());
        assertEquals("UPDATE 1", o.results().get(0).commandTag());
        assertEquals(11, db.value("select n from t where id = 1"));
        other.close();
    }

    @Test
    void selectForUpdateLocksTheRowsItReturns() {
        Session other = db.engine.open("other", Map.of());
        db.ok("begin");
        assertEquals(List.of(List.of(0)), db.rows("select n from t where id = 1 for update"));
        CompletableFuture<QueryOutcome> waiting = other.query("update t set n = n + 5 where id = 1");
        drain();
        assertFalse(waiting.isDone(), "a writer waits for the lock FOR UPDATE took");
        db.ok("update t set n = n + 1 where id = 1");
        db.ok("commit");
        assertNull(SqlFixture.await(waiting).error());
        assertEquals(6, db.value("select n from t where id = 1"));
        assertEquals(List.of(List.of(2, 0)), db.rows("select * from t where n = 0 for no key update of t nowait"));
        assertEquals("0A000", db.error("select n from t order by n for update").sqlState());
        other.close();
    }

    @Test
    void cancelWakesAWaitingWrite() {
        Session other = db.engine.open("other", Map.of());
        db.ok("begin");
        db.ok("update t set n = 1 where id = 2");
        CompletableFuture<QueryOutcome> waiting = other.query("update t set n = 2 where id = 2");
        drain();
        assertFalse(waiting.isDone());
        other.cancel();
        assertEquals("57014", SqlFixture.await(waiting).error().sqlState());
        db.ok("commit");
        assertEquals(1, db.value("select n from t where id = 2"));
        other.close();
    }

    @Test
    void serializationFailureInABlockFailsTheBlockAndAtCommitEndsIt() {
        db.ok("begin");
        db.store.failNextWrite = "40001";
        assertEquals("40001", db.error("update t set n = 5 where id = 2").sqlState());
        assertEquals(TransactionStatus.FAILED, db.session.transactionStatus());
        db.ok("rollback");
        db.ok("begin");
        db.ok("update t set n = 6 where id = 2");
        db.store.failNextCommit = "40001";
        assertEquals("40001", db.error("commit").sqlState());
        assertEquals(TransactionStatus.IDLE, db.session.transactionStatus());
        assertEquals(0, db.value("select n from t where id = 2"));
        db.store.failNextWrite = "40P01";
        assertEquals("40P01", db.error("update t set n = 7 where id = 2").sqlState());
        assertEquals(TransactionStatus.IDLE, db.session.transactionStatus(), "autocommit: nothing left open");
    }

    @Test
    void isolationLevelsAndSynchronousCommit() {
        db.ok("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertEquals("repeatable read", db.value("SHOW TRANSACTION ISOLATION LEVEL"));
        db.ok("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
        db.ok("begin isolation level serializable");
        assertEquals("serializable", db.value("show transaction_isolation"));
        db.ok("select 1");
        assertEquals(Isolation.SERIALIZABLE, db.store.lastIsolation);
        db.ok("commit");
        db.ok("begin");
        db.ok("set transaction isolation level repeatable read");
        db.ok("update t set n = 1 where id = 1");
        assertEquals(Isolation.REPEATABLE_READ, db.store.lastIsolation);
        db.ok("commit");
        assertEquals(Boolean.TRUE, db.store.lastSync);
        db.ok("update t set n = 2 where id = 1");
        assertEquals(Isolation.READ_COMMITTED, db.store.lastIsolation);
        db.ok("set synchronous_commit = off");
        db.ok("update t set n = 3 where id = 1");
        assertEquals(Boolean.FALSE, db.store.lastSync);
    }

    @Test
    void cancelStopsARunningStatement() {
        CompletableFuture<QueryOutcome> running = db.session.query("select count(*) from generate_series(1, 2000000000)");
        db.session.cancel();
        QueryOutcome o = SqlFixture.await(running);
        assertEquals("57014", o.error().sqlState());
        assertNull(db.query(db.session, "select 1").error(), "the next statement runs");
    }

    @Test
    void statsSessionsAndCopyErrors() {
        assertEquals(List.of(List.of("commits", "7")), db.rows("show hallows.stats"));
        Session second = db.engine.open("b", Map.of());
        Session third = db.engine.open("c", Map.of());
        SqlException full = assertThrows(SqlException.class, () -> db.engine.open("d", Map.of()));
        assertEquals("53300", full.sqlState());
        second.close();
        third.close();
        CopyIn in = db.ok("copy t (id, n) from stdin").copyIn();
        SqlFixture.await(in.write(ByteBuffer.wrap("10\t1\n11\tx\n".getBytes(StandardCharsets.UTF_8))).handle((v, e) -> {
            assertTrue(e.getCause() instanceof SqlException s && s.sqlState().equals("22P02") && s.getMessage().contains("line 2"));
            return null;
        }));
        assertEquals(2L, db.value("select count(*) from t"), "the failed copy left nothing");
        CopyIn abandoned = db.ok("copy t from stdin").copyIn();
        SqlFixture.await(abandoned.write(ByteBuffer.wrap("12\t1\n".getBytes(StandardCharsets.UTF_8))));
        SqlFixture.await(abandoned.fail("client gave up"));
        assertEquals(2L, db.value("select count(*) from t"));
    }
}
