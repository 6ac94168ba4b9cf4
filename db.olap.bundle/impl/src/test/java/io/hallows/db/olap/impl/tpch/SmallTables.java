package io.hallows.db.olap.impl.tpch;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Three hand-made tables for NULL semantics and empty inputs, in Hallows and in DuckDB: {@code t1}
 * with NULLs in every nullable column, {@code t2} whose join key has a NULL and values that match
 * some of {@code t1}'s, and {@code nothing}, with no rows at all.
 */
final class SmallTables {
    private static SmallTables instance;

    final BufferAllocator root = new RootAllocator();
    final Catalog catalog;
    final DuckDb duckDb;

    private SmallTables() throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("t1", t1());
        tables.put("t2", t2());
        tables.put("nothing", build("nothing", List.of(col("k", ColumnKind.INT), new ColumnDef("v", ColumnKind.DECIMAL, 10, 2, true)), new Object[0][]));
        duckDb = new DuckDb();
        for (Table t : tables.values()) {
            duckDb.load(t);
        }
        catalog = TpchData.catalogOf(tables);
    }

    static synchronized SmallTables get() throws SQLException {
        if (instance == null) {
            instance = new SmallTables();
        }
        return instance;
    }

    private Table t1() {
        List<ColumnDef> columns = List.of(
                new ColumnDef("id", ColumnKind.BIGINT, 0, 0, false),
                col("k", ColumnKind.INT),
                new ColumnDef("v", ColumnKind.DECIMAL, 10, 2, true),
                col("s", ColumnKind.VARCHAR),
                col("d", ColumnKind.DATE),
                col("f", ColumnKind.DOUBLE));
        LocalDate day = LocalDate.of(1995, 6, 17);
        return build("t1", columns, new Object[][] {
            {1L, 1L, 150L, "a", day.toEpochDay(), 0.5},
            {2L, 2L, null, "b", null, 1.25},
            {3L, null, 275L, "a", day.plusDays(3).toEpochDay(), null},
            {4L, 3L, -100L, null, day.minusDays(400).toEpochDay(), -2.0},
            {5L, null, null, null, null, null},
            {6L, 2L, 999L, "c", day.toEpochDay(), 3.75},
            {7L, 4L, 0L, "b", day.plusDays(1).toEpochDay(), 0.0},
            {8L, 1L, 1L, "", day.toEpochDay(), 10.5},
        });
    }

    private Table t2() {
        List<ColumnDef> columns = List.of(col("k", ColumnKind.INT), col("w", ColumnKind.VARCHAR));
        return build("t2", columns, new Object[][] {
            {1L, "one"}, {2L, "two"}, {2L, "deux"}, {null, "none"}, {9L, "nine"}, {4L, null},
        });
    }

    private static ColumnDef col(String name, ColumnKind kind) {
        return new ColumnDef(name, kind, 0, 0, true);
    }

    /** A table of {@code rows}: Long for every integer-backed kind (DECIMAL unscaled, DATE in days). */
    private Table build(String name, List<ColumnDef> columns, Object[][] rows) {
        try (TableBuilder b = new TableBuilder(name, columns, root)) {
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    switch (row[c]) {
                        case null -> b.setNull(c);
                        case Long l -> b.setLong(c, l);
                        case Double d -> b.setDouble(c, d);
                        case String s -> b.setString(c, s);
                        default -> throw new IllegalArgumentException(String.valueOf(row[c]));
                    }
                }
                b.endRow();
            }
            return b.build();
        }
    }

    /** The queries of {@link NullsAndEmptyAgainstDuckDbTest}, by name. */
    static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        // Filters: a comparison with NULL is unknown, and unknown rows are dropped, negated or not.
        q.put("filterComparison", "select id from t1 where k > 1");
        q.put("filterNegatedComparison", "select id from t1 where not (k > 1)");
        q.put("filterIsNull", "select id, v from t1 where k is null");
        q.put("filterIsNotNullAndNotEqual", "select id from t1 where k is not null and s <> 'b'");
        q.put("filterOrWithUnknown", "select id from t1 where k = 1 or s = 'a'");
        q.put("filterInListWithNull", "select id from t1 where k in (1, 2, null)");
        q.put("filterNotInListWithNull", "select id from t1 where k not in (1, null)");
        q.put("filterDecimalAndDate", "select id from t1 where v >= 1.00 and d < date '1995-06-19'");
        q.put("filterLike", "select id from t1 where s like 'a%' or s like ''");
        q.put("projectNullArithmetic", "select id, v + 1, k * 2, f / 2, coalesce(k, -1), case when k is null then 'none' else s end from t1 order by id");
        // Joins: NULL keys never match; outer joins keep the unmatched side with NULLs.
        q.put("innerJoinNullKeys", "select t1.id, t2.w from t1 join t2 on t1.k = t2.k");
        q.put("leftJoinNullKeys", "select t1.id, t1.k, t2.w from t1 left join t2 on t1.k = t2.k");
        q.put("semiJoinIn", "select id from t1 where k in (select k from t2)");
        q.put("antiJoinNotInWithNull", "select id from t1 where k not in (select k from t2)");
        q.put("antiJoinNotInWithoutNull", "select id from t1 where k not in (select k from t2 where k is not null)");
        q.put("semiJoinExists", "select id from t1 where exists (select * from t2 where t2.k = t1.k)");
        q.put("antiJoinNotExists", "select id from t1 where not exists (select * from t2 where t2.k = t1.k)");
        // Aggregates skip NULLs (count(*) does not); NULL is a group of its own.
        q.put("aggregatesSkipNulls", "select count(*), count(k), sum(k), min(k), max(k), sum(v), avg(v), min(s), max(s), min(d), max(d), sum(f) from t1");
        q.put("aggregatesOfOnlyNulls", "select count(v), sum(v), avg(v), min(s), max(d) from t1 where id = 5");
        q.put("groupByNullKey", "select k, count(*), count(v), sum(v) from t1 group by k order by k nulls first");
        q.put("groupByNullString", "select s, count(*) from t1 group by s having count(*) > 1");
        q.put("countDistinctSkipsNull", "select count(distinct k), count(distinct s) from t1");
        q.put("orderByNulls", "select id, k from t1 order by k desc nulls last, id");
        // Empty inputs: a global aggregate still returns one row; everything else returns none.
        q.put("emptyScan", "select * from nothing");
        q.put("emptyGlobalAggregate", "select count(*), count(v), sum(v), min(k), max(k), avg(v) from nothing");
        q.put("emptyGroupBy", "select k, count(*), sum(v) from nothing group by k");
        q.put("emptyAfterFilter", "select id, v from t1 where id > 1000");
        q.put("emptyAfterFilterAggregate", "select count(*), sum(v) from t1 where id > 1000");
        q.put("emptyInnerJoin", "select t1.id from t1 join nothing on t1.k = nothing.k");
        q.put("emptyLeftJoin", "select t1.id, nothing.v from t1 left join nothing on t1.k = nothing.k");
        q.put("emptyInSubquery", "select id from t1 where k in (select k from nothing)");
        q.put("emptyNotInSubquery", "select id from t1 where k not in (select k from nothing)");
        q.put("emptyScalarSubquery", "select id from t1 where v > (select max(v) from nothing)");
        q.put("emptyOrderLimit", "select id from t1 where id > 1000 order by id limit 5");
        return q;
    }
}
