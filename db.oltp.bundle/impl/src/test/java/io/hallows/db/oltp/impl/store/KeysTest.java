package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/** The key order: NULLs last, unsigned bytes, numbers by value, and padded prefix bounds. */
class KeysTest {
    private static int sign(Object a, Object b) {
        return Integer.signum(Keys.compare(new Object[] {a}, new Object[] {b}));
    }

    @Test
    void valuesSortAsPostgresSortsThem() {
        assertEquals(-1, sign(1, 2));
        assertEquals(-1, sign(5, null), "NULL sorts last");
        assertEquals(0, sign(null, null));
        assertEquals(-1, sign(new byte[] {1}, new byte[] {(byte) 0x80}), "bytes are unsigned");
        assertEquals(-1, sign(new byte[] {1}, new byte[] {1, 0}));
        assertEquals(0, sign(3, 3L), "an int4 key is found with an int8 value");
        assertEquals(0, sign(new BigDecimal("1.50"), new BigDecimal("1.5")));
        assertEquals(1, sign(new BigDecimal("2.5"), 2));
        assertEquals(-1, sign("B", "a"));
        assertEquals(1, sign(true, false));
    }

    @Test
    void prefixBoundsSelectEveryKeyStartingWithThePrefix() {
        ConcurrentSkipListMap<Object[], String> m = new ConcurrentSkipListMap<>(Keys.ORDER);
        m.put(new Object[] {1, 1}, "1,1");
        m.put(new Object[] {1, null}, "1,null");
        m.put(new Object[] {2, 0}, "2,0");
        m.put(new Object[] {null, 5}, "null,5");
        assertEquals(List.of("1,1", "1,null"), values(m, new Object[] {1}, true, new Object[] {1}, true));
        assertEquals(List.of("2,0", "null,5"), values(m, new Object[] {1}, false, null, true));
        assertEquals(List.of("1,1", "1,null"), values(m, null, true, new Object[] {2}, false));
        assertEquals(List.of("1,1"), values(m, new Object[] {1, 1}, true, new Object[] {1, 1}, true));
        assertEquals(List.of("1,null"), values(m, new Object[] {1, 1}, false, new Object[] {2}, false));
    }

    private static List<String> values(ConcurrentSkipListMap<Object[], String> m, Object[] low, boolean li, Object[] high, boolean hi) {
        return new ArrayList<>(m.subMap(Keys.bound(low, li, true), true, Keys.bound(high, hi, false), true).values());
    }
}
