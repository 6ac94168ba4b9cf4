package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.CopyIn;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.TransactionStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pgbench 15's statements, in its order: initialisation, then the built-in scripts in simple and prepared mode. */
class PgbenchTest {
    private static final int ACCOUNTS = 300;
    private SqlFixture db;

    @BeforeEach
    void init() {
        db = new SqlFixture();
        db.ok("drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
        db.ok("create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22))");
        db.ok("create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) with (fillfactor=100)");
        db.ok("create table pgbench_accounts(aid    int not null,bid int,abalance int,filler char(84)) with (fillfactor=100)");
        db.ok("create table pgbench_branches(bid int not null,bbalance int,filler char(88)) with (fillfactor=100)");
        db.ok("begin");
        db.ok("truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
        db.ok("insert into pgbench_branches(bid,bbalance) values(1,0)");
        for (int t = 1; t <= 10; t++) {
            db.ok("insert into pgbench_tellers(tid,bid,tbalance) values (" + t + ",1,0)");
        }
        Result copy = db.ok("copy pgbench_accounts from stdin with (freeze on)");
        CopyIn in = copy.copyIn();
        assertNotNull(in);
        StringBuilder data = new StringBuilder();
        for (int a = 1; a <= ACCOUNTS; a++) {
            data.append(a).append('\t').append(1).append('\t').append(0).append("\t\n");
        }
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        // chunks split anywhere, even inside a line
        for (int at = 0; at < bytes.length; at += 1000) {
            SqlFixture.await(in.write(ByteBuffer.wrap(bytes, at, Math.min(1000, bytes.length - at))));
        }
        assertEquals("COPY " + ACCOUNTS, SqlFixture.await(in.finish()).commandTag());
        db.ok("commit");
        assertEquals(TransactionStatus.IDLE, db.session.transactionStatus());
        db.ok("vacuum analyze pgbench_branches");
        db.ok("vacuum analyze pgbench_tellers");
        db.ok("vacuum analyze pgbench_accounts");
        db.ok("vacuum analyze pgbench_history");
        db.ok("alter table pgbench_branches add primary key (bid)");
        db.ok("alter table pgbench_tellers add primary key (tid)");
        db.ok("alter table pgbench_accounts add primary key (aid)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void initialisationLeavesTheTables() {
        assertEquals(1L, db.value("select count(*) from pgbench_branches"));
        assertEquals((long) ACCOUNTS, db.value("select count(*) from pgbench_accounts"));
        assertEquals(" ".repeat(84), db.value("select filler from pgbench_accounts where aid = 7"));
        assertTrue(db.store.gcRuns.get() >= 4, "VACUUM collects garbage");
        QueryOutcome partitions = db.query(db.session, "select o.n, p.partstrat, pg_catalog.count(i.inhparent) "
                + "from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) "
                + "cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) "
                + "left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) "
                + "left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) "
                + "where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1");
        // pgbench assumes no partitioning when this query fails: it must fail cleanly, not hang
        assertNotNull(partitions.error());
        assertEquals(TransactionStatus.IDLE, db.session.transactionStatus());
        db.ok("vacuum pgbench_branches");
        db.ok("truncate pgbench_history");
    }

    @Test
    void tpcbLikeInSimpleMode() {
        for (int i = 0; i < 20; i++) {
            int aid = 1 + (i * 37) % ACCOUNTS;
            int tid = 1 + i % 10;
            int delta = i % 2 == 0 ? -4 : 17;
            QueryOutcome o = db.query(db.session, "BEGIN;");
            assertNull(o.error());
            db.ok("UPDATE pgbench_accounts SET abalance = abalance + " + delta + " WHERE aid = " + aid + ";");
            db.ok("SELECT abalance FROM pgbench_accounts WHERE aid = " + aid + ";");
            db.ok("UPDATE pgbench_tellers SET tbalance = tbalance + " + delta + " WHERE tid = " + tid + ";");
            db.ok("UPDATE pgbench_branches SET bbalance = bbalance + " + delta + " WHERE bid = 1;");
            db.ok("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (" + tid + ", 1, " + aid + ", "
                    + delta + ", CURRENT_TIMESTAMP);");
            assertEquals(TransactionStatus.IN_TRANSACTION, db.session.transactionStatus());
            db.ok("END;");
        }
        assertEquals(10 * -4 + 10 * 17, db.value("select bbalance from pgbench_branches where bid = 1"));
        assertEquals(20L, db.value("select count(*) from pgbench_history"));
        assertEquals((long) (10 * -4 + 10 * 17), db.value("select sum(abalance) from pgbench_accounts"));
        assertEquals(-4, db.value("select abalance from pgbench_accounts where aid = 1"));
        assertEquals(17, db.value("select abalance from pgbench_accounts where aid = 38"));
    }

    @Test
    void tpcbLikeAndSelectOnlyInPreparedMode() {
        Prepared begin = SqlFixture.await(db.session.prepare("BEGIN;", List.of()));
        Prepared account = SqlFixture.await(db.session.prepare(
                "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;", List.of()));
        Prepared select = SqlFixture.await(db.session.prepare("SELECT abalance FROM pgbench_accounts WHERE aid = $1;", List.of()));
        Prepared history = SqlFixture.await(db.session.prepare(
                "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);", List.of()));
        Prepared end = SqlFixture.await(db.session.prepare("END;", List.of()));
        for (int i = 1; i <= 5; i++) {
            SqlFixture.await(begin.execute());
            assertEquals("UPDATE 1", SqlFixture.await(account.execute(i * 10, i)).commandTag());
            assertEquals(List.of(i * 10), List.of(SqlFixture.await(select.execute(i)).rows().get(0)));
            SqlFixture.await(history.execute(1, 1, i, i * 10));
            assertEquals("COMMIT", SqlFixture.await(end.execute()).commandTag());
        }
        assertEquals(5L, db.value("select count(*) from pgbench_history where mtime is not null"));
        assertEquals(30, SqlFixture.await(select.execute(3)).rows().get(0)[0]);
    }
}
