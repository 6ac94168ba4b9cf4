package io.hallows.dsl.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@code derived} value: a pure function of reactive variables and other derived values,
 * computed lazily and cached.
 *
 * <p>The function reads its inputs through {@link Reads#get}, which records each input and the
 * value it had. {@link #get()} returns the cached value while every recorded input still holds the
 * same value, and recomputes otherwise. Because the cache is keyed by the very values the function
 * saw, a read never returns a value computed from inputs older than the ones it observed: for a
 * single writer that is glitch-free (a subscription running after a write sees every derived value
 * consistent with it), and with concurrent writers each read is consistent with some recent set
 * of inputs. A recomputation equal to the cached value keeps the cached object.
 *
 * <p>Listening ({@code on total changed}) makes the value eager for its listeners only: it then
 * listens to its sources (given statically by the compiler), re-reads itself after each of their
 * changes and, when its value changed, runs its listeners in registration order. A listener that
 * throws is logged through the module's context.
 *
 * @param <T> the value's type: immutable
 */
public final class Derived<T> implements Reactive<T> {
    /** How a derived value's function reads its inputs. */
    public interface Reads {
        /** The current value of {@code source}, recorded as an input of this computation. */
        <V> V get(Reactive<V> source);
    }

    private final ModuleContext context;
    private final String name;
    private final Function<Reads, T> compute;
    private final List<Reactive<?>> sources;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> relays = new ArrayList<>();
    private volatile Snapshot<T> last;
    private T notified;

    /**
     * @param context where failing listeners are logged
     * @param name    the value's name, for those messages
     * @param compute the pure function, reading its inputs through {@link Reads}
     * @param sources everything {@code compute} may read, for listening
     */
    public Derived(ModuleContext context, String name, Function<Reads, T> compute, List<Reactive<?>> sources) {
        this.context = Objects.requireNonNull(context);
        this.name = Objects.requireNonNull(name);
        this.compute = Objects.requireNonNull(compute);
        this.sources = List.copyOf(sources);
    }

    @Override
    public T get() {
        Snapshot<T> cached = last;
        if (cached != null && cached.fresh()) {
            return cached.value;
        }
        Recorder recorder = new Recorder();
        T value = Objects.requireNonNull(compute.apply(recorder));
        if (cached != null && cached.value.equals(value)) {
            value = cached.value;
        }
        last = new Snapshot<>(value, recorder.sources.toArray(new Reactive<?>[0]), recorder.values.toArray());
        return value;
    }

    @Override
    public synchronized AutoCloseable listen(Runnable listener) {
        Objects.requireNonNull(listener);
        if (listeners.isEmpty()) {
            notified = get();
            for (Reactive<?> source : sources) {
                relays.add(source.listen(this::sourceChanged));
            }
        }
        listeners.add(listener);
        return () -> unlisten(listener);
    }

    private synchronized void unlisten(Runnable listener) throws Exception {
        if (listeners.remove(listener) && listeners.isEmpty()) {
            for (AutoCloseable relay : relays) {
                relay.close();
            }
            relays.clear();
        }
    }

    private void sourceChanged() {
        T now = get();
        synchronized (this) {
            if (now.equals(notified)) {
                return;
            }
            notified = now;
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                context.log("a subscription to '" + name + "' failed: " + e);
            }
        }
    }

    private record Snapshot<T>(T value, Reactive<?>[] sources, Object[] values) {
        boolean fresh() {
            for (int i = 0; i < sources.length; i++) {
                Object now = sources[i].get();
                if (now != values[i] && !now.equals(values[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Recorder implements Reads {
        final List<Reactive<?>> sources = new ArrayList<>(4);
        final List<Object> values = new ArrayList<>(4);

        @Override
        public <V> V get(Reactive<V> source) {
            V value = source.get();
            sources.add(source);
            values.add(value);
            return value;
        }
    }
}
