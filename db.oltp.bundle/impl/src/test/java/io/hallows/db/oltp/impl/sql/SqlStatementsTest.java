package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    private SqlFixture db;

    @BeforeEach
    void setUp() {
        db = new SqlFixture();
        db.ok("create table t (id int4 primary key, name varchar(10), amount numeric(10,2), score float8, flag bool, "
                + "code char(3), note text, big int8)");
        db.ok("insert into t values (1, 'one', 1.50, 0.5, true, 'a', 'x', 10), (2, 'two', 2.25, 1.5, false, 'bb', null, 20), "
                + "(3, 'three', null, 2.5, null, 'ccc', 'z', 30)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void selectWithWhereOrderLimitOffset() {
        assertEquals(List.of(List.of(2, "two"), List.of(3, "three")), db.rows("select id, name from t where id >= 2 order by id"));
        assertEquals(List.of(List.of(2)), db.rows("select id from t order by id desc limit 1 offset 1"));
        assertEquals(List.of(List.of("ccc")), db.rows("select code from t where id = 3"));
        assertEquals(List.of(List.of("a  ")), db.rows("select code from t where id = 1"));
    }

    @Test
    void columnsCarryTypesAndModifiers() {
        Result r = db.ok("select id, name, amount, score, flag, code, note, big from t where id = 1");
        assertEquals(List.of(Column.of("id", SqlType.INT4), new Column("name", SqlType.VARCHAR, 14),
                new Column("amount", SqlType.NUMERIC, ((10 << 16) | 2) + 4), Column.of("score", SqlType.FLOAT8),
                Column.of("flag", SqlType.BOOL), new Column("code", SqlType.BPCHAR, 7), Column.of("note", SqlType.TEXT),
                Column.of("big", SqlType.INT8)), r.columns());
        assertEquals("SELECT 1", r.commandTag());
        assertEquals(new BigDecimal("1.50"), r.rows().get(0)[2]);
    }

    @Test
    void aggregatesAndGroupBy() {
        assertEquals(3L, db.value("select count(*) from t"));
        assertEquals(List.of(List.of(new BigDecimal(60), new BigDecimal("3.75"), 1, 3)),
                db.rows("select sum(big), sum(amount), min(id), max(id) from t"));
        assertEquals(new BigDecimal("2.0000000000000000"), db.value("select avg(id) from t"));
        db.ok("insert into t (id, name, big) values (4, 'two', 5)");
        assertEquals(List.of(List.of("one", 1L), List.of("three", 1L), List.of("two", 2L)),
                db.rows("select name, count(*) from t group by name order by name"));
    }

    @Test
    void joins() {
        db.ok("create table u (tid int4, label text)");
        db.ok("insert into u values (1, 'first'), (1, 'again'), (9, 'none')");
        assertEquals(List.of(List.of(1, "again"), List.of(1, "first")),
                db.rows("select t.id, u.label from t join u on u.tid = t.id order by u.label"));
        assertEquals(List.of(List.of(1, "again"), List.of(1, "first"), java.util.Arrays.asList(2, null), java.util.Arrays.asList(3, null)),
                db.rows("select t.id, u.label from t left join u on u.tid = t.id order by t.id, u.label"));
    }

    @Test
    void updateDeleteReturning() {
        Result u = db.ok("update t set big = big + 1 where id = 2 returning id, big");
        assertEquals("UPDATE 1", u.commandTag());
        assertEquals(21L, u.rows().get(0)[1]);
        assertEquals("UPDATE 3", db.ok("update t set score = score * 2").commandTag());
        assertEquals(5.0, db.value("select score from t where id = 3"));
        Result d = db.ok("delete from t where id > 1 returning name");
        assertEquals("DELETE 2", d.commandTag());
        assertEquals(1L, db.value("select count(*) from t"));
        Result i = db.ok("insert into t (id, name) values (7, 'seven') returning id * 2");
        assertEquals("INSERT 0 1", i.commandTag());
        assertEquals(14, i.rows().get(0)[0]);
    }

    @Test
    void insertSelectAndGenerateSeries() {
        db.ok("create table s (n int4 primary key, sq int8)");
        assertEquals("INSERT 0 100", db.ok("insert into s select g, g * g from generate_series(1, 100) g").commandTag());
        assertEquals(new BigDecimal(338350), db.value("select sum(sq) from s"), "sum(int8) is numeric");
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), db.rows("select * from generate_series(1, 3)"));
    }

    @Test
    void expressionsCastsAndConcatenation() {
        assertEquals("one-1", db.value("select name || '-' || id::text from t where id = 1"));
        assertEquals(7, db.value("select 1 + 2 * 3"));
        assertEquals(42L, db.value("select '42'::int8"));
        assertEquals(new BigDecimal("3.00"), db.value("select 3::numeric(5,2)"));
        assertEquals(2, db.value("select 7 / 3"));
        assertEquals(Boolean.TRUE, db.value("select 1 < 2 and 'a' = 'a'"));
        assertEquals(List.of(List.of(1)), db.rows("select id from t where name like 'o%'"));
        assertEquals(List.of(List.of(1), List.of(3)), db.rows("select id from t where id in (1, 3) order by id"));
        assertEquals(2L, db.value("select count(*) from t where flag is not null"));
    }

    @Test
    void subqueriesSetsAndDistinct() {
        assertEquals(List.of(List.of(1), List.of(2)), db.rows("select id from t where id in (select id from t where big < 25) order by id"));
        assertEquals(List.of(List.of(3)), db.rows("select id from t where big = (select max(big) from t)"));
        assertEquals(2L, db.value("select count(*) from t x where exists (select 1 from t y where y.id = x.id and y.flag is not null)"));
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), db.rows("select id from t where id < 3 union select id from t where id > 1 order by 1"));
        assertEquals(4L, db.value("select count(*) from (select id from t where id < 3 union all select id from t where id > 1) u"));
        assertEquals(List.of(List.of(true), List.of(false)), db.rows("select distinct big > 15 from t order by 1 desc"));
        assertEquals(List.of(List.of("two", new BigDecimal(20))), db.rows("select name, sum(big) from t group by name having sum(big) between 15 and 25"));
        assertEquals(List.of(List.of("x"), List.of("none"), List.of("z")),
                db.rows("select coalesce(note, 'none') from t order by id"));
    }

    @Test
    void parameters() {
        Result r = SqlFixture.await(db.session.execute("select name from t where id = $1", 2));
        assertEquals("two", r.rows().get(0)[0]);
        var p = SqlFixture.await(db.session.prepare("update t set big = big + $2 where id = $1", List.of()));
        assertEquals(List.of(SqlType.INT4, SqlType.INT8), p.parameterTypes());
        assertEquals("UPDATE 1", SqlFixture.await(p.execute(3, 5L)).commandTag());
        assertEquals(35L, db.value("select big from t where id = 3"));
        var declared = SqlFixture.await(db.session.prepare("select name from t where id = $1", List.of(SqlType.INT8)));
        assertEquals(List.of(SqlType.INT8), declared.parameterTypes());
        assertEquals("two", SqlFixture.await(declared.execute(2L)).rows().get(0)[0]);
        var insert = SqlFixture.await(db.session.prepare("insert into t (id, name, big) values ($1, $2, $3)", List.of()));
        assertEquals(List.of(SqlType.INT4, SqlType.VARCHAR, SqlType.INT8), insert.parameterTypes());
        assertEquals("INSERT 0 1", SqlFixture.await(insert.execute(8, "eight", null)).commandTag());
        assertEquals("eight", db.value("select name from t where id = 8"));
        var afterDdl = SqlFixture.await(db.session.prepare("select count(*) from t where id > $1", List.of()));
        db.ok("create index t_big on t (big)");
        long misses = db.engine.planCacheMisses();
        assertEquals(3L, SqlFixture.await(afterDdl.execute(1)).rows().get(0)[0], "ids 2, 3, 8");
        assertEquals(misses + 1, db.engine.planCacheMisses(), "planned again after DDL");
        var typed = SqlFixture.await(db.session.prepare("select $1::text || name from t where id = 1", List.of(SqlType.TEXT)));
        assertEquals("hi one", SqlFixture.await(typed.execute("hi ")).rows().get(0)[0]);
    }

    @Test
    void clientQueries() {
        assertTrue(((String) db.value("select version()")).startsWith("PostgreSQL 15"));
        assertEquals("public", db.value("SELECT current_schema()"));
        assertEquals("hallows", db.value("select current_database()"));
        db.ok("SET extra_float_digits = 3");
        db.ok("SET application_name = 'psql'");
        assertEquals(java.util.Map.of("application_name", "psql"), db.session.takeParameterChanges());
        assertEquals("3", db.value("show extra_float_digits"));
        assertEquals("read committed", db.value("SHOW transaction_isolation"));
        assertEquals(List.of(List.of("t")), db.rows("select c.relname from pg_catalog.pg_class c "
                + "join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'"));
        assertEquals(8L, db.value("select count(*) from pg_attribute a join pg_class c on a.attrelid = c.oid where c.relname = 't'"));
        assertEquals("int4", db.value("select typname from pg_type where oid = 23"));
    }
}
