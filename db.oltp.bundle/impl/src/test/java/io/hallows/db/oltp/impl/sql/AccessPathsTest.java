package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which store call a statement makes: a key lookup, an index range or a scan, with the same answers. */
class AccessPathsTest {
    private SqlFixture db;

    @BeforeEach
    void setUp() {
        db = new SqlFixture();
        db.ok("create table a (aid int4 primary key, bid int4, v int4)");
        db.ok("insert into a select g, g % 10, g * 2 from generate_series(1, 200) g");
        db.ok("create index a_bid on a (bid)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void counts(long gets, long ranges, long scans, Runnable r) {
        long g = db.store.gets.get();
        long rg = db.store.ranges.get();
        long s = db.store.scans.get();
        r.run();
        assertEquals(List.of(gets, ranges, scans),
                List.of(db.store.gets.get() - g, db.store.ranges.get() - rg, db.store.scans.get() - s));
    }

    @Test
    void primaryKeyEqualityIsOneGet() {
        counts(1, 0, 0, () -> assertEquals(20, db.value("select v from a where aid = 10")));
        counts(1, 0, 0, () -> assertEquals("UPDATE 1", db.ok("update a set v = v + 1 where aid = 10").commandTag()));
        counts(1, 0, 0, () -> assertEquals(21, db.value("select v from a where 10 = aid and v > 0")));
        counts(1, 0, 0, () -> assertEquals(0L, db.value("select count(*) from a where aid = 10 and v = 0")));
    }

    @Test
    void rangesAndSecondaryIndexes() {
        counts(0, 1, 0, () -> assertEquals(11L, db.value("select count(*) from a where aid between 10 and 20")));
        counts(0, 1, 0, () -> assertEquals(9L, db.value("select count(*) from a where aid > 10 and aid < 20")));
        counts(0, 1, 0, () -> assertEquals(20L, db.value("select count(*) from a where bid = 3")));
        counts(0, 1, 0, () -> assertEquals("DELETE 20", db.ok("delete from a where bid = 4").commandTag()));
        counts(0, 0, 1, () -> assertEquals(20L, db.value("select count(*) from a where v % 20 = 0")));
        assertEquals(0L, db.value("select count(*) from a where bid = null"));
    }
}
