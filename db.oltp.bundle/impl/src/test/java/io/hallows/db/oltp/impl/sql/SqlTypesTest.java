package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlTypesTest {
    private SqlFixture db;

    @BeforeEach
    void setUp() {
        db = new SqlFixture();
        db.ok("create table v (id int8 primary key, ts timestamp, d date, b bytea, small int2, flag boolean, "
                + "price numeric, label character varying(5))");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void valuesRoundTripWithTheirJavaClasses() {
        db.ok("insert into v values (1, '2024-02-29 13:45:10.5', '2024-03-01', '\\x0aff', 7, 't', 12.345, 'abc')");
        var row = db.ok("select * from v").rows().get(0);
        assertEquals(1L, row[0]);
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 10, 500_000_000), row[1]);
        assertEquals(LocalDate.of(2024, 3, 1), row[2]);
        assertArrayEquals(new byte[] {0x0a, (byte) 0xff}, (byte[]) row[3]);
        assertEquals((short) 7, row[4]);
        assertEquals(Boolean.TRUE, row[5]);
        assertEquals(new java.math.BigDecimal("12.345"), row[6]);
        assertEquals("abc", row[7]);
        assertEquals(List.of(Column.of("id", SqlType.INT8), Column.of("ts", SqlType.TIMESTAMP), Column.of("d", SqlType.DATE),
                Column.of("b", SqlType.BYTEA), Column.of("small", SqlType.INT2), Column.of("flag", SqlType.BOOL),
                Column.of("price", SqlType.NUMERIC), new Column("label", SqlType.VARCHAR, 9)), db.ok("select * from v").columns());
    }

    @Test
    void checksOnWrite() {
        assertEquals("22001", db.error("insert into v (id, label) values (2, 'too long')").sqlState());
        assertEquals("22003", db.error("insert into v (id, small) values (3, 70000)").sqlState());
        assertEquals("22007", db.error("insert into v (id, ts) values (4, 'not a time')").sqlState());
        assertEquals(0L, db.value("select count(*) from v"));
    }

    @Test
    void clientCatalogHelpers() {
        assertEquals(List.of(List.of("id", "bigint"), List.of("label", "character varying(5)")),
                db.rows("select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class c "
                        + "on c.oid = a.attrelid where c.relname = 'v' and pg_table_is_visible(c.oid) "
                        + "and a.attname in ('id', 'label') order by a.attnum"));
        assertEquals("hallows", db.value("select pg_get_userbyid(c.relowner) from pg_class c where c.relname = 'v'"));
        assertEquals(List.of(List.of("v_pkey", true)), db.rows("select i.relname, x.indisprimary from pg_index x "
                + "join pg_class i on i.oid = x.indexrelid"));
    }
}
