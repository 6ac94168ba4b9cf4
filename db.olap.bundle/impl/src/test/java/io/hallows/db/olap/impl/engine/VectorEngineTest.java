package io.hallows.db.olap.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator semantics on small tables with NULLs: filters, joins (inner, left, semi, anti), aggregates,
 * sorts, expressions, empty inputs, and explain. Every query's memory returns to zero.
 */
class VectorEngineTest {
    private static BufferAllocator tables;
    private static Catalog catalog;
    private static ExecutorService workers;
    private final BufferAllocator queries = new RootAllocator();

    @BeforeAll
    static void load() {
        tables = new RootAllocator();
        Map<String, Table> t = new LinkedHashMap<>();
        // a(id, k, v, s, d): k and v have NULLs
        List<ColumnDef> a = List.of(new ColumnDef("id", ColumnKind.BIGINT, 0, 0, false),
                new ColumnDef("k", ColumnKind.INT, 0, 0, true),
                new ColumnDef("v", ColumnKind.DECIMAL, 10, 2, true),
                new ColumnDef("s", ColumnKind.VARCHAR, 0, 0, true),
                new ColumnDef("d", ColumnKind.DATE, 0, 0, false));
        Object[][] rowsA = {
            {1L, 1L, 150L, "apple", 9000L},
            {2L, 2L, null, "banana", 9100L},
            {3L, null, 300L, null, 9200L},
            {4L, 2L, 425L, "cherry", 9300L},
            {5L, 3L, -100L, "apple pie", 9400L},
        };
        t.put("a", table("a", a, rowsA));
        List<ColumnDef> b = List.of(new ColumnDef("k", ColumnKind.INT, 0, 0, true),
                new ColumnDef("name", ColumnKind.VARCHAR, 0, 0, false));
        Object[][] rowsB = {{1L, "one"}, {2L, "two"}, {2L, "deux"}, {null, "none"}, {4L, "four"}};
        t.put("b", table("b", b, rowsB));
        t.put("e", table("e", b, new Object[0][]));
        catalog = Tpch.of(t);
        workers = Executors.newFixedThreadPool(2);
    }

    private static Table table(String name, List<ColumnDef> cols, Object[][] rows) {
        try (TableBuilder tb = new TableBuilder(name, cols, tables)) {
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    if (row[c] == null) {
                        tb.setNull(c);
                    } else if (row[c] instanceof String s) {
                        tb.setString(c, s);
                    } else {
                        tb.setLong(c, (Long) row[c]);
                    }
                }
                tb.endRow();
            }
            return tb.build();
        }
    }

    @AfterAll
    static void free() {
        workers.shutdownNow();
        catalog.tables().forEach(t -> t.chunks().forEach(c -> c.vectors().close()));
        tables.close();
    }

    @AfterEach
    void memoryIsBack() {
        assertEquals(0, queries.getAllocatedMemory());
        queries.close();
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (List<String> r : Results.run(new VectorEngine(), sql, catalog, new QueryContext(queries, workers, 2, () -> false))) {
            out.add(String.join("|", r));
        }
        return out;
    }

    @Test
    void filtersUseThreeValuedLogic() {
        // k = 2 OR v > 2: row 3 (k NULL, v 3.00) is true by v; row 2 (v NULL) true by k.
        assertEquals(List.of("2", "3", "4"), rows("select id from a where k = 2 or v > 2 order by id"));
        // NOT (k = 2) is NULL for k NULL: row 3 is not returned.
        assertEquals(List.of("1", "5"), rows("select id from a where not (k = 2) order by id"));
        assertEquals(List.of("3"), rows("select id from a where k is null"));
        assertEquals(List.of("1", "5"), rows("select id from a where s like 'apple%' order by id"));
        assertEquals(List.of("2", "4"), rows("select id from a where s not like '%p%' order by id"));
        assertEquals(List.of("1", "4"), rows("select id from a where k in (1, 2) and v is not null order by id"));
    }

    @Test
    void expressionsOnDecimalsDatesAndStrings() {
        // A quotient of DECIMALs is DOUBLE (as in DuckDB).
        assertEquals(List.of("1|3.00|0.75|ap|1994", "3|null|1.5|null|1995"),
                rows("select id, v * 2, v / 2, substring(s from 1 for 2), extract(year from d) from a where id in (1, 3) order by id"
                        .replace("v * 2", "case when k is null then null else v * 2 end")));
        assertEquals(List.of("1|1994-09-23", "2|1995-01-01"),
                rows("select id, d + interval '1' month from a where id <= 2 order by id"));
        assertEquals(List.of("1|1.50", "2|0.00", "3|3.00"), rows("select id, coalesce(v, 0) from a where id <= 3 order by id"));
        assertEquals(List.of("1|low", "4|high", "5|low"), rows("select id, case when v > 2 then 'high' else 'low' end from a where k <> 2 or id = 4 order by id"));
    }

    @Test
    void joinsNeverMatchNullKeys() {
        assertEquals(List.of("1|one", "2|deux", "2|two", "4|deux", "4|two"),
                rows("select a.id, b.name from a join b on a.k = b.k order by a.id, b.name"));
        assertEquals(List.of("1|one", "2|deux", "2|two", "3|null", "4|deux", "4|two", "5|null"),
                rows("select a.id, b.name from a left join b on a.k = b.k order by a.id, b.name"));
        assertEquals(List.of("1", "2", "4"), rows("select id from a where exists (select 1 from b where b.k = a.k) order by id"));
        assertEquals(List.of("3", "5"), rows("select id from a where not exists (select 1 from b where b.k = a.k) order by id"));
        // NOT IN with a NULL in the subquery is never true.
        assertEquals(List.of(), rows("select id from a where k not in (select k from b)"));
        assertEquals(List.of("5"), rows("select id from a where k not in (select k from b where k is not null)"));
    }

    @Test
    void aggregatesSkipNulls() {
        assertEquals(List.of("5|4|3|7.75|1.9375|-1.00|4.25"),
                rows("select count(*), count(v), count(distinct k), sum(v), avg(v), min(v), max(v) from a"));
        assertEquals(List.of("1|1|1.50", "2|2|4.25", "3|1|-1.00", "null|1|3.00"),
                rows("select k, count(*), sum(v) from a group by k order by k"));
        assertEquals(List.of("2"), rows("select k from a group by k having count(*) > 1"));
    }

    @Test
    void emptyInputs() {
        assertEquals(List.of("0|null"), rows("select count(*), max(name) from e"));
        assertEquals(List.of(), rows("select k, count(*) from e group by k"));
        assertEquals(List.of(), rows("select a.id from a join e on a.k = e.k"));
        assertEquals(List.of("1", "2", "3", "4", "5"), rows("select id from a where not exists (select 1 from e where e.k = a.k) order by id"));
        assertEquals(List.of(), rows("select id from a where id > 100 order by id limit 3"));
    }

    @Test
    void sortsNullsAsLargestAndLimits() {
        // NULL sorts as the largest value: last ascending, first descending (v of row 2).
        assertEquals(List.of("1", "2", "4", "5", "3"), rows("select id from a order by k, v desc, id"));
        assertEquals(List.of("2", "4"), rows("select id from a order by v desc limit 2"));
        assertEquals(List.of("2", "3"), rows("select id from a order by id limit 2 offset 1"));
    }

    @Test
    void badStatementsHavePostgresErrors() {
        QueryContext ctx = new QueryContext(queries, workers, 1, () -> false);
        assertEquals("42P01", assertThrows(SqlException.class, () -> new VectorEngine().execute("select * from nope", catalog, ctx)).sqlState());
        SqlException column = assertThrows(SqlException.class, () -> new VectorEngine().execute("select a.nope from a", catalog, ctx));
        assertEquals("42703", column.sqlState(), column.getMessage());
        SqlException syntax = assertThrows(SqlException.class, () -> new VectorEngine().execute("select from where", catalog, ctx));
        assertEquals("42601", syntax.sqlState());
        assertTrue(syntax.position() > 0);
        assertEquals("21000", assertThrows(SqlException.class, () -> rows("select (select k from b) from a")).sqlState());
    }

    @Test
    void explainShowsOperatorsAndAnalyzeTheirRows() {
        QueryContext ctx = new QueryContext(queries, workers, 1, () -> false);
        String plan = new VectorEngine().explain("select k, count(*) from a where v > 1 group by k", catalog, ctx, false);
        assertTrue(plan.contains("HashAggregate"), plan);
        assertTrue(plan.contains("Scan a") && plan.contains("filter"), plan);
        assertTrue(plan.contains("est. rows"), plan);
        String analyzed = new VectorEngine().explain("select k, count(*) from a where v > 1 group by k", catalog, ctx, true);
        assertTrue(analyzed.contains("(rows 3, time"), analyzed);
        assertTrue(analyzed.contains("Execution time"), analyzed);
    }
}
