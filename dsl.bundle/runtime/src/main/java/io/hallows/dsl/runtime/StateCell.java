package io.hallows.dsl.runtime;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One stored variable: a value with its type signature. The variable kinds are views over a cell
 * that add their own semantics (copy-on-write, locking, change notification).
 *
 * @param <T> the value's type; values are immutable
 */
public final class StateCell<T> {
    private final String type;
    private final boolean wasReset;
    private final AtomicReference<T> value;

    /**
     * @param wasReset true when this cell replaced one of another type (an update changed the
     *                 variable's type), so the deployer can warn
     */
    public StateCell(String type, T initial, boolean wasReset) {
        this.type = Objects.requireNonNull(type);
        this.value = new AtomicReference<>(initial);
        this.wasReset = wasReset;
    }

    public String type() {
        return type;
    }

    public boolean wasReset() {
        return wasReset;
    }

    public T get() {
        return value.get();
    }

    public void set(T newValue) {
        value.set(newValue);
    }

    /** Replaces the value by {@code f(value)} atomically; {@code f} may run more than once, so it must be pure. */
    public T updateAndGet(UnaryOperator<T> f) {
        return value.updateAndGet(f);
    }

    /** The old value, after setting {@code newValue}. */
    public T getAndSet(T newValue) {
        return value.getAndSet(newValue);
    }
}
