package io.hallows.dsl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Int arithmetic and the built-in methods, as generated code calls them. */
class RuntimeHelpersTest {
    @Test
    void intArithmeticIsExact() {
        assertThrows(Overflow.class, () -> PtMath.add(Long.MAX_VALUE, 1));
        assertThrows(Overflow.class, () -> PtMath.sub(Long.MIN_VALUE, 1));
        assertThrows(Overflow.class, () -> PtMath.mul(1L << 32, 1L << 32));
        assertThrows(Overflow.class, () -> PtMath.neg(Long.MIN_VALUE));
        assertThrows(Overflow.class, () -> PtMath.div(Long.MIN_VALUE, -1));
        assertThrows(DivisionByZero.class, () -> PtMath.div(1, 0));
        assertThrows(DivisionByZero.class, () -> PtMath.mod(1, 0));
        assertEquals(-3, PtMath.div(-7, 2));
        assertEquals(-1, PtMath.mod(-7, 2));
        assertEquals(0, PtMath.mod(Long.MIN_VALUE, -1));
        assertEquals(-2, PtMath.truncate(-2.7));
        assertThrows(Overflow.class, () -> PtMath.truncate(Double.NaN));
        assertThrows(Overflow.class, () -> PtMath.truncate(0x1p63));
        assertEquals(Long.MIN_VALUE, PtMath.truncate(-0x1p63));
        assertThrows(Overflow.class, () -> PtMath.toJavaInt(1L << 31));
        // The message names the catchable error.
        assertEquals("Overflow: Int overflow: 9223372036854775807 + 1 (catch Overflow e handles it)",
                assertThrows(Overflow.class, () -> PtMath.add(Long.MAX_VALUE, 1)).getMessage());
        assertEquals("DivisionByZero: division by zero: 1 / 0 (catch DivisionByZero e handles it)",
                assertThrows(DivisionByZero.class, () -> PtMath.div(1, 0)).getMessage());
    }

    @Test
    void mapsKeepInsertionOrderAndAreNeverChangedInPlace() {
        Map<String, Long> m = PtValues.<String, Long>mapOf().put("b", 1L).put("a", 2L).put("b", 3L).build();
        assertEquals(List.of("b", "a"), PtValues.keys(m));
        assertEquals(List.of(3L, 2L), PtValues.values(m));
        Map<String, Long> put = PtValues.put(m, "c", 4L);
        assertEquals(List.of("b", "a", "c"), PtValues.keys(put));
        assertEquals(List.of("b", "a"), PtValues.keys(m));
        assertEquals(List.of("a", "c"), PtValues.keys(PtValues.remove(put, "b")));
        assertEquals(Optional.empty(), PtValues.get(m, "z"));
        assertThrows(UnsupportedOperationException.class, () -> put.put("d", 5L));
    }

    @Test
    void listsAndStrings() {
        List<Long> xs = PtValues.add(List.of(1L), 2L);
        assertEquals(List.of(1L, 2L), xs);
        assertEquals(Optional.of(2L), PtValues.get(xs, 1));
        assertEquals(Optional.empty(), PtValues.get(xs, 2));
        assertEquals(Optional.empty(), PtValues.get(xs, -1));
        assertThrows(UnsupportedOperationException.class, () -> xs.add(3L));
        assertEquals(2, PtValues.length("a\uD83D\uDE00"), "code points");
        assertEquals("STRASSE", PtValues.upper("straße"));
    }
}
