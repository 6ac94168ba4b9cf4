package io.hallows.dsl.runtime;

/**
 * A value that tells when it changes: a {@link Signal} ({@code let_reactive_var}) or a
 * {@link Derived} value. What derived values and subscriptions of generated code depend on.
 *
 * @param <T> the value's type: immutable
 */
public interface Reactive<T> {
    /** The current value. */
    T get();

    /**
     * Calls {@code listener} on the writer's thread after each change, in registration order,
     * until the returned handle is closed.
     */
    AutoCloseable listen(Runnable listener);
}
