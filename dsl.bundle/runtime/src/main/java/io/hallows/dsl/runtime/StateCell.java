package io.hallows.dsl.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One stored variable: a value with its type signature. The variable kinds are views over a cell
 * that add their own semantics (copy-on-write, locking, change notification).
 *
 * <p>The value is a volatile field of the cell itself, updated through a {@link VarHandle}: a read
 * is one dereference from the cell, not two through an {@code AtomicReference} (generated code reads
 * state on its hot path).
 *
 * @param <T> the value's type; values are immutable
 */
public final class StateCell<T> {
    private final String type;
    private final boolean wasReset;
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(StateCell.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile T value;

    /**
     * @param wasReset true when this cell replaced one of another type (an update changed the
     *                 variable's type), so the deployer can warn
     */
    public StateCell(String type, T initial, boolean wasReset) {
        this.type = Objects.requireNonNull(type);
        this.value = initial;
        this.wasReset = wasReset;
    }

    public String type() {
        return type;
    }

    public boolean wasReset() {
        return wasReset;
    }

    public T get() {
        return value;
    }

    public void set(T newValue) {
        value = newValue;
    }

    /** Replaces the value by {@code f(value)} atomically; {@code f} may run more than once, so it must be pure. */
    public T updateAndGet(UnaryOperator<T> f) {
        while (true) {
            T current = value;
            T next = f.apply(current);
            if (VALUE.compareAndSet(this, current, next)) {
                return next;
            }
        }
    }

    /** The old value, after setting {@code newValue}. */
    @SuppressWarnings("unchecked")
    public T getAndSet(T newValue) {
        return (T) VALUE.getAndSet(this, newValue);
    }
}
