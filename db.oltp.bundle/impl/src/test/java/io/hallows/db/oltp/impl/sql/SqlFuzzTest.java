package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated SQL fed to a session: each input must give results or a SqlException with
 * a PostgreSQL SQLSTATE, never an internal error (XX000) or a hang, and the session must stay usable.
 */
class SqlFuzzTest {
    private static final List<String> CORPUS = List.of(
            "select id, name from t where id = 1",
            "select count(*), sum(n) from t group by name order by 1 limit 3 offset 1",
            "update t set n = n + 1 where id = 2 returning n",
            "insert into t values (9, 'x', 3), (10, 'y', 4)",
            "delete from t where n > 100",
            "select t.id, u.id from t join t u on u.n = t.n left join t v on v.id = t.id",
            "select name || 'x', n::text, n * 2.5, -n from t where name like 'a%' and n between 1 and 5",
            "begin; update t set n = 1 where id = 1; commit",
            "set application_name = 'fuzz'",
            "show transaction_isolation",
            "select * from generate_series(1, 5) g where g % 2 = 0",
            "insert into t select g + 100, 'g', g from generate_series(1, 3) g",
            "select case when n > 1 then 'big' else 'small' end, coalesce(name, 'none') from t",
            "select c.relname from pg_catalog.pg_class c join pg_namespace n on n.oid = c.relnamespace",
            "select id from t where id in (1, 2, 3) order by id desc nulls first",
            "truncate t",
            "copy t from stdin",
            "vacuum analyze t",
            "select $1");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 ,.;:()'\"*+-/<>=$%_\\\n\t|!?[]{}@#";

    @Test
    void tenThousandInputs() {
        Random random = new Random(20261103L);
        try (SqlFixture db = new SqlFixture()) {
            db.ok("create table t (id int4 primary key, name text, n int4)");
            db.ok("insert into t values (1, 'a', 1), (2, 'b', 2), (3, null, 3)");
            for (int i = 0; i < 10_000; i++) {
                String sql = input(random);
                QueryOutcome o = db.query(db.session, sql);
                if (o.error() != null) {
                    assertEquals(5, o.error().sqlState().length());
                    assertNotEquals("XX000", o.error().sqlState(), () -> "internal error on: " + sql + " -> " + o.error().getMessage());
                }
                for (Result r : o.results()) {
                    if (r.copyIn() != null) {
                        SqlFixture.await(r.copyIn().fail("fuzz"));
                    }
                }
                if (o.error() != null || db.session.transactionStatus() != io.hallows.sql.api.TransactionStatus.IDLE) {
                    db.query(db.session, "rollback");
                }
                if (db.store.table("t").isEmpty()) {
                    db.ok("create table t (id int4 primary key, name text, n int4)");
                }
            }
            assertTrue(db.query(db.session, "select 1").error() == null, "the session still works");
        }
    }

    private static String input(Random r) {
        if (r.nextInt(10) == 0) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            return b.toString();
        }
        StringBuilder s = new StringBuilder(CORPUS.get(r.nextInt(CORPUS.size())));
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(5)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 2 -> s.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 3 -> s.setLength(at);
                default -> {
                    String other = CORPUS.get(r.nextInt(CORPUS.size()));
                    int from = r.nextInt(other.length());
                    s.insert(at, other, from, Math.min(other.length(), from + 1 + r.nextInt(12)));
                }
            }
        }
        return s.toString();
    }
}
