package io.hallows.db.oltp.impl.store;

import static io.hallows.db.oltp.impl.store.Fixtures.col;
import static io.hallows.db.oltp.impl.store.Fixtures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.SqlType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Range reads on the primary key and secondary indexes, index maintenance, DDL and constraints. */
class IndexTest {
    private MvccStore store;
    private Table test;
    private IndexDef byValue;
    private IndexDef pkey;

    @BeforeEach
    void setUp() {
        store = new MvccStore(new MemoryLog(), 1L << 30);
        test = Fixtures.intTable(store, "test");
        byValue = new IndexDef("test_value", "test", List.of(1), false);
        Fixtures.insertCommitted(store, test, new Object[] {1, 30}, new Object[] {2, 10}, new Object[] {3, null},
                new Object[] {4, 20}, new Object[] {5, 10});
        Fixtures.join(store.createIndex(byValue, false));
        pkey = test.indexes().get(0);
    }

    private Txn begin() {
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        return t;
    }

    private static List<Integer> ids(Iterator<Row> it) {
        return Fixtures.rows(it).stream().map(v -> (Integer) v[0]).toList();
    }

    @Test
    void theIndexesAreListedPrimaryKeyFirst() {
        assertEquals(List.of("test_pkey", "test_value"), test.indexes().stream().map(IndexDef::name).toList());
        assertEquals(List.of(0), pkey.columns());
        fails("42P07", () -> store.createIndex(byValue, false));
        Fixtures.join(store.createIndex(byValue, true));
    }

    @Test
    void rangesFollowKeyOrderWithNullsLast() {
        Txn t = begin();
        assertEquals(List.of(2, 5, 4, 1, 3), ids(t.range(test, byValue, null, true, null, true)));
        assertEquals(List.of(2, 5, 4), ids(t.range(test, byValue, new Object[] {10}, true, new Object[] {20}, true)));
        assertEquals(List.of(4), ids(t.range(test, byValue, new Object[] {10}, false, new Object[] {30}, false)));
        assertEquals(List.of(2, 5), ids(t.range(test, byValue, new Object[] {10}, true, new Object[] {10}, true)));
        assertEquals(List.of(), ids(t.range(test, byValue, new Object[] {20}, true, new Object[] {10}, true)));
        assertEquals(List.of(2, 3, 4), ids(t.range(test, pkey, new Object[] {2}, true, new Object[] {5}, false)));
        assertEquals(List.of(5), ids(t.range(test, pkey, new Object[] {4L}, false, null, true)));
    }

    @Test
    void anUpdateMovesTheRowInTheIndexAndOldSnapshotsStillFindItWhereItWas() {
        Txn old = store.begin(Isolation.REPEATABLE_READ);
        old.startStatement();
        Txn t = begin();
        t.update(test, t.get(test, new Object[] {2}), v -> true, v -> new Object[] {v[0], 40});
        t.commit(true).join();
        Txn now = begin();
        assertEquals(List.of(5), ids(now.range(test, byValue, new Object[] {10}, true, new Object[] {10}, true)));
        assertEquals(List.of(2, 3), ids(now.range(test, byValue, new Object[] {40}, true, null, true)), "NULL sorts last");
        assertEquals(List.of(2), ids(now.range(test, byValue, new Object[] {40}, true, new Object[] {40}, true)));
        assertEquals(List.of(2, 5), ids(old.range(test, byValue, new Object[] {10}, true, new Object[] {10}, true)));
        assertEquals(List.of(), ids(old.range(test, byValue, new Object[] {40}, true, new Object[] {40}, true)));
    }

    @Test
    void aStatementDoesNotSeeItsOwnWritesSoAnUpdateThroughItsIndexEndsOnce() {
        Txn t = begin();
        int updated = 0;
        for (Iterator<Row> it = t.range(test, byValue, new Object[] {0}, true, null, true); it.hasNext();) {
            Row r = it.next();
            if (r.values()[1] != null && t.update(test, r, v -> true, v -> new Object[] {v[0], (Integer) v[1] + 100}) != null) {
                updated++;
            }
        }
        assertEquals(4, updated);
        t.startStatement();
        assertEquals(List.of(2, 5, 4, 1, 3), ids(t.range(test, byValue, null, true, null, true)));
        assertEquals(110, t.get(test, new Object[] {2}).values()[1], "the next statement sees the writes");
    }

    @Test
    void aPrimaryKeyChangeMovesTheRow() {
        Txn t = begin();
        t.update(test, t.get(test, new Object[] {1}), v -> true, v -> new Object[] {9, v[1]});
        fails("23505", () -> t.update(test, t.get(test, new Object[] {2}), v -> true, v -> new Object[] {4, v[1]}));
        t.rollback();
        Txn u = begin();
        u.update(test, u.get(test, new Object[] {1}), v -> true, v -> new Object[] {9, v[1]});
        u.commit(true).join();
        assertEquals(new TreeMap<>(Map.of(2, 10, 4, 20, 5, 10, 9, 30)), withoutNulls(Fixtures.contents(store, test)));
    }

    private static Map<Integer, Integer> withoutNulls(TreeMap<Integer, Integer> m) {
        m.values().removeIf(v -> v == null);
        return m;
    }

    @Test
    void aUniqueIndexOverDuplicatesIsRefusedAndLeavesNothing() {
        fails("23505", () -> store.createIndex(new IndexDef("test_value_u", "test", List.of(1), true), false));
        assertEquals(2, test.indexes().size());
        Fixtures.join(store.createIndex(new IndexDef("test_value_u", "test", List.of(0, 1), true), false));
    }

    @Test
    void constraintsAreEnforced() {
        Fixtures.join(store.createTable(new TableDef("names", List.of(new ColumnDef("n", SqlType.VARCHAR, 3, -1, true),
                new ColumnDef("c", SqlType.BPCHAR, 2, -1, false)), List.of()), false));
        Table names = store.table("names").orElseThrow();
        fails("23502", () -> begin().insert(names, new Object[] {null, "a"}));
        fails("22001", () -> begin().insert(names, new Object[] {"abcd", "a"}));
        fails("22001", () -> begin().insert(names, new Object[] {"abc", "abc"}));
        fails("23502", () -> begin().insert(test, new Object[] {null, 1}));
        Fixtures.insertCommitted(store, names, new Object[] {"äbc", "ab  "});
        Txn t = begin();
        fails("23502", () -> t.update(names, t.scan(names).next(), v -> true, v -> new Object[] {null, v[1]}));
    }

    @Test
    void ddlErrorsCarryPostgresCodes() {
        fails("42P07", () -> store.createTable(test.def(), false));
        Fixtures.join(store.createTable(test.def(), true));
        fails("42P01", () -> store.dropTable("nope", false));
        Fixtures.join(store.dropTable("nope", true));
        fails("42P16", () -> store.addPrimaryKey("test", List.of(1)));
        fails("42P01", () -> store.createIndex(new IndexDef("x", "nope", List.of(0), false), false));
    }

    @Test
    void addingAPrimaryKeyRekeysTheRows() {
        Fixtures.join(store.createTable(new TableDef("acc", List.of(col("id", SqlType.INT4), col("v", SqlType.TEXT)), List.of()), false));
        Table acc = store.table("acc").orElseThrow();
        Fixtures.join(store.createIndex(new IndexDef("acc_v", "acc", List.of(1), false), false));
        Fixtures.insertCommitted(store, acc, new Object[] {2, "b"}, new Object[] {1, "a"});
        Txn writing = begin();
        writing.insert(acc, new Object[] {3, "c"});
        fails("55006", () -> store.addPrimaryKey("acc", List.of(0)));
        writing.commit(true).join();
        Fixtures.join(store.addPrimaryKey("acc", List.of(0)));
        assertEquals(List.of("acc_pkey", "acc_v"), acc.indexes().stream().map(IndexDef::name).toList());
        assertTrue(acc.def().columns().get(0).notNull());
        Txn t = begin();
        assertEquals("a", t.get(acc, new Object[] {1}).values()[1]);
        assertEquals(List.of(2), ids(t.range(acc, acc.indexes().get(1), new Object[] {"b"}, true, new Object[] {"b"}, true)));
        fails("23505", () -> t.insert(acc, new Object[] {1, "again"}));
    }

    @Test
    void truncateRemovesTheRowsWhenItCommits() {
        Txn other = store.begin(Isolation.REPEATABLE_READ);
        other.startStatement();
        Txn t = begin();
        store.truncate(t, List.of(test));
        t.startStatement();
        assertEquals(List.of(), Fixtures.rows(t.scan(test)));
        t.commit(true).join();
        assertEquals(5, Fixtures.rows(other.scan(test)).size());
        assertEquals(Map.of(), Fixtures.contents(store, test));
    }
}
