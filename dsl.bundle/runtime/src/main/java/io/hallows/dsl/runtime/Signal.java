package io.hallows.dsl.runtime;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A {@code let_reactive_var}: a variable over a {@link StateCell} that tells when it changes.
 *
 * <p>A write ({@link #set}, {@link #update}) runs under the cell's lock, like a
 * {@link SharedVar}'s. When the new value differs from the old one ({@link Object#equals}), the
 * write then — after the lock is released, on the writer's thread, before the write returns —
 * runs every listener in registration order: subscriptions ({@code on x changed}) and the relays
 * of {@link Derived} values that have subscriptions. A listener that throws is logged through the
 * module's context and does not fail the writer or the listeners after it. An equal value changes
 * nothing and notifies nobody.
 *
 * <p>The listeners live in this object, which belongs to one revision of the module, never in the
 * shared cell: when the revision stops, nothing of it stays reachable from the state store. A write
 * made through another revision's signal over the same cell (while an update is in progress)
 * notifies that revision's listeners only; derived values of both see it (they compare values).
 *
 * @param <T> the value's type: immutable
 */
public final class Signal<T> implements Reactive<T> {
    private final ModuleContext context;
    private final String name;
    private final StateCell<T> cell;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param context where failing listeners are logged
     * @param name    the variable's name, for those messages
     */
    public Signal(ModuleContext context, String name, StateCell<T> cell) {
        this.context = Objects.requireNonNull(context);
        this.name = Objects.requireNonNull(name);
        this.cell = Objects.requireNonNull(cell);
    }

    /** The value of the latest completed write; lock-free. */
    @Override
    public T get() {
        return cell.get();
    }

    /** Stores {@code value} and, if it differs from the current one, notifies the listeners. */
    public void set(T value) {
        Objects.requireNonNull(value);
        update(old -> value);
    }

    /**
     * Replaces the value by {@code f(value)} under the lock ({@code f} runs exactly once) and, if it
     * changed, notifies the listeners.
     *
     * @return the value now held
     */
    public T update(UnaryOperator<T> f) {
        T next;
        synchronized (cell) {
            T old = cell.get();
            next = Objects.requireNonNull(f.apply(old));
            if (old.equals(next)) {
                return old;
            }
            cell.set(next);
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                context.log("a subscription to '" + name + "' failed: " + e);
            }
        }
        return next;
    }

    @Override
    public AutoCloseable listen(Runnable listener) {
        Objects.requireNonNull(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
