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
 * <p>A cell made by a durable store has a {@link StateSink}: after each write the cell tells
 * {@link StateWrites}, which hands it to the sink when the operation that wrote it ends (or at
 * once, outside any operation). A cell without a sink lives in memory only.
 *
 * @param <T> the value's type; values are immutable
 */
public final class StateCell<T> {
    private final String module;
    private final String name;
    private final String type;
    private final boolean wasReset;
    private final StateSink sink;
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
        this(null, null, type, initial, wasReset, null);
    }

    /**
     * A cell that names its variable and, when {@code sink} is not null, is persisted through it.
     *
     * @param module the module the variable belongs to (null for an anonymous cell)
     * @param name   the variable's name in the store ({@code Service.variable})
     * @param sink   where the cell's value goes after a write, or null to keep it in memory only
     * @since 0.2
     */
    public StateCell(String module, String name, String type, T initial, boolean wasReset, StateSink sink) {
        this.module = module;
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.value = initial;
        this.wasReset = wasReset;
        this.sink = sink;
    }

    /** The module of the variable, or null for an anonymous cell. @since 0.2 */
    public String module() {
        return module;
    }

    /** The variable's name in the store, or null for an anonymous cell. @since 0.2 */
    public String name() {
        return name;
    }

    /** Where writes are persisted, or null when the cell lives in memory only. @since 0.2 */
    public StateSink sink() {
        return sink;
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
        written();
    }

    /** Replaces the value by {@code f(value)} atomically; {@code f} may run more than once, so it must be pure. */
    public T updateAndGet(UnaryOperator<T> f) {
        while (true) {
            T current = value;
            T next = f.apply(current);
            if (VALUE.compareAndSet(this, current, next)) {
                written();
                return next;
            }
        }
    }

    /** The old value, after setting {@code newValue}. */
    @SuppressWarnings("unchecked")
    public T getAndSet(T newValue) {
        T old = (T) VALUE.getAndSet(this, newValue);
        written();
        return old;
    }

    private void written() {
        if (sink != null) {
            StateWrites.written(this);
        }
    }
}
