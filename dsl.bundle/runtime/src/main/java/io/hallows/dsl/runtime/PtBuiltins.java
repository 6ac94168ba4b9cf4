package io.hallows.dsl.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The built-in functions {@code random}, {@code parseInt} and the method {@code sortBy}, for generated code. */
public final class PtBuiltins {
    private PtBuiltins() {
    }

    /**
     * {@code random(lo, hi)}: a uniformly distributed Int from {@code lo} to {@code hi}, both
     * included (bounds given the other way round are swapped). Per-thread generator: no contention.
     */
    public static long random(long lo, long hi) {
        long a = Math.min(lo, hi);
        long b = Math.max(lo, hi);
        if (b == Long.MAX_VALUE) {
            return a == Long.MIN_VALUE ? ThreadLocalRandom.current().nextLong() : ThreadLocalRandom.current().nextLong(a - 1, b) + 1;
        }
        return ThreadLocalRandom.current().nextLong(a, b + 1);
    }

    /** {@code parseInt(s)}: an optional sign and decimal digits that fit an Int, else none. */
    public static Optional<Long> parseInt(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '-' || c == '+') && s.length() > 1)) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }

    /** {@code list.sortBy("field")}: a new list in ascending order of the key; equal keys keep their order. */
    public static <T> List<T> sortBy(List<T> list, Comparator<? super T> byKey) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(byKey);
        return Collections.unmodifiableList(copy);
    }
}
