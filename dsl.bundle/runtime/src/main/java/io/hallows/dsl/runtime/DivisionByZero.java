package io.hallows.dsl.runtime;

/**
 * Built-in error: an {@code Int} division or remainder by zero. (Float division follows IEEE 754
 * and yields an infinity or NaN instead.) Unchecked in Parseltongue: {@code catch DivisionByZero e}
 * handles it.
 */
public final class DivisionByZero extends PtError {
    private static final long serialVersionUID = 1L;

    public DivisionByZero(String message) {
        super(message);
    }
}
