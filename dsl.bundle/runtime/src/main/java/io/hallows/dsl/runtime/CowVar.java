package io.hallows.dsl.runtime;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@code let_cow_var}: a copy-on-write variable over a {@link StateCell}. Readers never block:
 * {@link #get()} returns the current immutable value, a stable snapshot the reader may use for as
 * long as it likes while writers replace the value. Writers never block either: {@link #update}
 * computes a new value from the current one and installs it with compare-and-set, retrying when
 * another writer got there first.
 *
 * <p>Best for state read far more often than written (lookup tables, configuration). An
 * assignment {@code x = f(x)} in an operation compiles to {@code update(x -> f(x))}; because the
 * function may run more than once, the checker only allows pure right-hand sides there (no
 * operation or service calls, no {@code log}).
 *
 * @param <T> the value's type: immutable (JDK immutable collections, records of the module's API)
 */
public final class CowVar<T> {
    private final StateCell<T> cell;

    public CowVar(StateCell<T> cell) {
        this.cell = Objects.requireNonNull(cell);
    }

    /** The current value; lock-free. */
    public T get() {
        return cell.get();
    }

    /** Replaces the value. */
    public void set(T value) {
        cell.set(Objects.requireNonNull(value));
    }

    /**
     * Replaces the value by {@code f(value)} atomically, with a compare-and-set loop.
     *
     * @param f a pure function: it may be called more than once under contention
     * @return the value installed
     */
    public T update(UnaryOperator<T> f) {
        return cell.updateAndGet(f);
    }
}
