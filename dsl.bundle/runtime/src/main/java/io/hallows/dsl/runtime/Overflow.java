package io.hallows.dsl.runtime;

/**
 * Built-in error: an {@code Int} operation left the signed 64-bit range ({@code +}, {@code -},
 * {@code *}, unary {@code -}, {@code Long.MIN_VALUE / -1}), or {@code int(f)} was given a Float
 * that is NaN or out of range, or an Int did not fit a Java {@code int} parameter. Unchecked in
 * Parseltongue: any arithmetic may raise it; {@code catch Overflow e} handles it.
 */
public final class Overflow extends PtError {
    private static final long serialVersionUID = 1L;

    public Overflow(String message) {
        super(message);
    }
}
