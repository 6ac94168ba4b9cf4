package io.hallows.db.oltp.impl.store;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of index keys ({@code Object[]}, one value per key column): column by column, NULLs
 * last, {@code byte[]} unsigned lexicographically, numbers of different classes by value. Range
 * bounds are key prefixes padded with {@link #LOW} or {@link #HIGH}, which sort before and after
 * every value, so that one ordered map serves prefixes and whole keys alike.
 */
final class Keys {
    /** Sorts before every value, NULL included. */
    static final Object LOW = new Object();
    /** Sorts after every value, NULL included. */
    static final Object HIGH = new Object();

    static final Comparator<Object[]> ORDER = Keys::compare;

    private Keys() {
    }

    static int compare(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        if (a.length > n) {
            return a[n] == LOW ? -1 : 1;
        }
        if (b.length > n) {
            return b[n] == LOW ? 1 : -1;
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != 1 || rb != 1) {
            return Integer.compare(ra, rb);
        }
        if (a.getClass() == b.getClass()) {
            if (a instanceof byte[] x) {
                return Arrays.compareUnsigned(x, (byte[]) b);
            }
            return ((Comparable) a).compareTo(b);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        throw new IllegalArgumentException("cannot compare " + a.getClass().getSimpleName()
                + " with " + b.getClass().getSimpleName());
    }

    /** LOW, then values, then NULL, then HIGH. */
    private static int rank(Object v) {
        if (v == LOW) {
            return 0;
        }
        if (v == null) {
            return 2;
        }
        return v == HIGH ? 3 : 1;
    }

    private static int compareNumbers(Number x, Number y) {
        if (isIntegral(x) && isIntegral(y)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if (x instanceof BigDecimal || y instanceof BigDecimal) {
            return decimal(x).compareTo(decimal(y));
        }
        return Double.compare(x.doubleValue(), y.doubleValue());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        return isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : BigDecimal.valueOf(n.doubleValue());
    }

    /**
     * A range bound: {@code prefix} (null: unbounded) and one pad value, so that an inclusive
     * lower bound sorts before every key starting with the prefix and an exclusive one after them
     * all, and the reverse for upper bounds.
     */
    static Object[] bound(Object[] prefix, boolean inclusive, boolean lower) {
        int n = prefix == null ? 0 : prefix.length;
        Object[] b = new Object[n + 1];
        if (n > 0) {
            System.arraycopy(prefix, 0, b, 0, n);
        }
        b[n] = prefix == null ? (lower ? LOW : HIGH) : (lower == inclusive ? LOW : HIGH);
        return b;
    }

    /** The values of {@code row} at {@code columns}, followed by {@code suffix} (may be empty). */
    static Object[] project(Object[] row, int[] columns, Object[] suffix) {
        Object[] k = new Object[columns.length + suffix.length];
        for (int i = 0; i < columns.length; i++) {
            k[i] = row[columns[i]];
        }
        System.arraycopy(suffix, 0, k, columns.length, suffix.length);
        return k;
    }
}
