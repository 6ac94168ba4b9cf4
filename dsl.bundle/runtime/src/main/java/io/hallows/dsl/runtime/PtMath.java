package io.hallows.dsl.runtime;

/**
 * Int arithmetic of generated code: exact, raising {@link Overflow} and {@link DivisionByZero}
 * instead of wrapping around. Each method is a tiny static method that the JIT inlines; the
 * overflow check is the one {@link Math#addExact(long, long)} already makes.
 */
public final class PtMath {
    private PtMath() {
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(a + " + " + b);
        }
    }

    public static long sub(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(a + " - " + b);
        }
    }

    public static long mul(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(a + " * " + b);
        }
    }

    public static long neg(long a) {
        try {
            return Math.negateExact(a);
        } catch (ArithmeticException e) {
            throw overflow("-(" + a + ")");
        }
    }

    /** Truncating division, like Java's: {@code -7 / 2 == -3}. */
    public static long div(long a, long b) {
        if (b == 0) {
            throw new DivisionByZero("DivisionByZero: division by zero: " + a + " / 0 (catch DivisionByZero e handles it)");
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow(a + " / -1");
        }
        return a / b;
    }

    /** The remainder of the truncating division; its sign is the dividend's: {@code -7 % 2 == -1}. */
    public static long mod(long a, long b) {
        if (b == 0) {
            throw new DivisionByZero("DivisionByZero: remainder by zero: " + a + " % 0 (catch DivisionByZero e handles it)");
        }
        return a % b;
    }

    /** {@code int(f)}: truncates toward zero; NaN or a value beyond the Int range raises {@link Overflow}. */
    public static long truncate(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            throw overflow("int(" + f + ")");
        }
        return (long) f;
    }

    /** An Int passed to a Java {@code int} parameter; beyond the {@code int} range raises {@link Overflow}. */
    public static int toJavaInt(long value) {
        if (value != (int) value) {
            throw overflow(value + " does not fit a Java int");
        }
        return (int) value;
    }

    private static Overflow overflow(String what) {
        // The message names the error, so that whoever reads it knows what a program can catch.
        return new Overflow("Overflow: Int overflow: " + what + " (catch Overflow e handles it)");
    }
}
