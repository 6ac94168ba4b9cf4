package io.hallows.dsl.runtime;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@code let_mut_shared_var}: a shared mutable variable whose writes are serialized by one lock,
 * the lock of its {@link StateCell} (so two revisions of a module running side by side during an
 * update exclude each other too).
 *
 * <p>An assignment {@code x = f(x)} in an operation compiles to {@code update(x -> f(x))}: the
 * read, the computation and the write happen under the lock, and {@code f} runs exactly once, so
 * it may have effects (call operations, log). {@code count = count + 1} from many threads never
 * loses an increment. Each assignment is atomic on its own; an operation made of several is not a
 * transaction.
 *
 * <p>Reads take no lock: values are immutable and the cell publishes them safely, so a read returns
 * the value of the latest completed write, exactly what a read under the lock would return, without
 * making readers wait for a writer (or risking a lock-order deadlock when an update reads another
 * shared variable).
 *
 * @param <T> the value's type: immutable
 */
public final class SharedVar<T> {
    private final StateCell<T> cell;

    public SharedVar(StateCell<T> cell) {
        this.cell = Objects.requireNonNull(cell);
    }

    /** The value of the latest completed write. */
    public T get() {
        return cell.get();
    }

    /** Replaces the value, under the lock. */
    public void set(T value) {
        Objects.requireNonNull(value);
        synchronized (cell) {
            cell.set(value);
        }
    }

    /**
     * Replaces the value by {@code f(value)} under the lock; {@code f} runs exactly once.
     *
     * @return the value installed
     */
    public T update(UnaryOperator<T> f) {
        synchronized (cell) {
            T next = Objects.requireNonNull(f.apply(cell.get()));
            cell.set(next);
            return next;
        }
    }
}
