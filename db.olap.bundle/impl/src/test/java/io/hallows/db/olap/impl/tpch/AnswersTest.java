package io.hallows.db.olap.impl.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison rules: what must match exactly, what within 1e-9, and the message of a difference. */
class AnswersTest {
    private static Answer answer(Object[]... rows) {
        return new Answer(List.of("a", "b"), Arrays.stream(rows).map(Arrays::asList).toList());
    }

    @Test
    void integersStringsAndDatesMatchOnlyExactly() {
        assertTrue(Answers.same(3L, 3L));
        assertFalse(Answers.same(1_000_000_000_001L, 1_000_000_000_000L));
        assertFalse(Answers.same("a", "a "));
        assertFalse(Answers.same(LocalDate.of(1998, 9, 2), LocalDate.of(1998, 9, 3)));
        assertFalse(Answers.same("1", 1L));
        assertTrue(Answers.same(null, null));
        assertFalse(Answers.same(null, 0L));
        assertFalse(Answers.same(0L, null));
    }

    @Test
    void decimalsAndDoublesMatchWithinARelativeErrorOf1e9() {
        assertTrue(Answers.same(new BigDecimal("25.5"), new BigDecimal("25.50")));
        assertTrue(Answers.same(new BigDecimal("1000000.000"), 1000000.0009));
        assertFalse(Answers.same(new BigDecimal("1000000.000"), 1000000.0011));
        assertTrue(Answers.same(0.0, new BigDecimal("0.00")));
        assertFalse(Answers.same(new BigDecimal("0.05"), new BigDecimal("0.0499999")));
        assertTrue(Answers.same(15L, new BigDecimal("15.0000")));
        assertFalse(Answers.same(Double.NaN, 1.0));
    }

    @Test
    void orderedAnswersCompareRowByRow() {
        Answer want = answer(new Object[] {1L, "x"}, new Object[] {2L, "y"});
        Answer swapped = answer(new Object[] {2L, "y"}, new Object[] {1L, "x"});
        assertNull(Answers.difference(want, want, true));
        String diff = Answers.difference(want, swapped, true);
        assertEquals("row 0, column 0 (a): expected 1 (Long), got 2 (Long)\n  expected row: 1 (Long) | 'x'\n  got row:      2 (Long) | 'y'", diff);
        assertNull(Answers.difference(want, swapped, false), "unordered answers are multisets");
    }

    @Test
    void multisetsKeepDuplicates() {
        Answer twice = answer(new Object[] {1L, null}, new Object[] {1L, null}, new Object[] {2L, "z"});
        Answer once = answer(new Object[] {1L, null}, new Object[] {2L, "z"}, new Object[] {2L, "z"});
        assertTrue(Answers.difference(twice, once, false).startsWith("row (of the sorted rows) 1, column 0 (a): expected 1 (Long), got 2 (Long)"));
    }

    @Test
    void countsDifferFirst() {
        Answer two = answer(new Object[] {1L, "x"}, new Object[] {2L, "y"});
        assertTrue(Answers.difference(two, answer(new Object[] {1L, "x"}), true).startsWith("row count: expected 2, got 1"));
        Answer oneColumn = new Answer(List.of("a"), List.of(List.of(1L)));
        assertEquals("column count: expected 2 [a, b], got 1 [a]", Answers.difference(two, oneColumn, true));
    }
}
