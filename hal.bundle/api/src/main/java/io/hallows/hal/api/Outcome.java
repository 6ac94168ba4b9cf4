package io.hallows.hal.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * The answer of a HAL call: a value with the {@link Support} path that produced it, or
 * {@link Support#UNSUPPORTED} with the reason. Never null.
 *
 * @param <T> the value's type ({@link Void} calls carry {@code null} as their value)
 */
public final class Outcome<T> {
    private final T value;
    private final Support support;
    private final String reason;

    private Outcome(T value, Support support, String reason) {
        this.value = value;
        this.support = support;
        this.reason = reason;
    }

    /** A value obtained through {@code support} ({@link Support#NATIVE} or {@link Support#PORTABLE}). */
    public static <T> Outcome<T> of(T value, Support support) {
        if (Objects.requireNonNull(support) == Support.UNSUPPORTED) {
            throw new IllegalArgumentException("an outcome with a value cannot be unsupported");
        }
        return new Outcome<>(value, support, null);
    }

    /** The call is not available here; {@code reason} says why (e.g. "sched_setaffinity: EPERM"). */
    public static <T> Outcome<T> unsupported(String reason) {
        return new Outcome<>(null, Support.UNSUPPORTED, Objects.requireNonNull(reason));
    }

    public boolean isSupported() {
        return support != Support.UNSUPPORTED;
    }

    public Support support() {
        return support;
    }

    /** Why the call is unsupported; null when it is supported. */
    public String reason() {
        return reason;
    }

    /** @throws UnsupportedOperationException with the reason, when the call is unsupported */
    public T value() {
        if (!isSupported()) {
            throw new UnsupportedOperationException(reason);
        }
        return value;
    }

    public T orElse(T other) {
        return isSupported() ? value : other;
    }

    /** The same outcome with its value transformed; an unsupported outcome stays as it is. */
    public <R> Outcome<R> map(Function<? super T, ? extends R> f) {
        return isSupported() ? new Outcome<>(f.apply(value), support, null) : unsupported(reason);
    }

    @Override
    public String toString() {
        return isSupported() ? support.label() + ": " + value : "unsupported: " + reason;
    }
}
