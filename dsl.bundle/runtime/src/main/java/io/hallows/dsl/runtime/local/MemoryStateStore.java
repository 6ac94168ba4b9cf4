package io.hallows.dsl.runtime.local;

import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.spi.ModuleStates;
import io.hallows.dsl.runtime.spi.StateBacking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Parseltongue runtime's state store. Cells live in memory: state outlives every revision of a
 * module's bundles and every update of the compiler. With a {@link StateBacking} attached (the
 * runtime attaches the OLTP database's), a cell created afterwards starts from the value the
 * backing stored and is persisted through it after each operation that writes it, so state also
 * outlives a restart of the stack; without one, state starts over when the stack restarts.
 * A cell whose type signature changed is replaced (and its stored value with it), and the reset is
 * recorded for the deployer to report. Thread-safe.
 */
public final class MemoryStateStore implements ModuleStates {
    private final Map<String, Map<String, StateCell<?>>> modules = new ConcurrentHashMap<>();
    private final Map<String, List<String>> resets = new ConcurrentHashMap<>();
    private volatile StateBacking backing;

    /** A store in memory only, until {@link #attach} gives it a backing. */
    public MemoryStateStore() {
    }

    /** A store whose cells are loaded from and persisted through {@code backing}. @since 0.2 */
    public MemoryStateStore(StateBacking backing) {
        this.backing = backing;
    }

    /**
     * Makes cells created from now on durable through {@code backing}. Cells that exist already
     * stay in memory only (their module's next deployment after a restart reads the backing).
     *
     * @since 0.2
     */
    public void attach(StateBacking backing) {
        this.backing = backing;
    }

    /** True when cells created now are durable. @since 0.2 */
    public boolean durable() {
        return backing != null;
    }

    @Override
    public <T> StateCell<T> cell(String module, String name, String type, Supplier<T> initial) {
        return cell(module, name, type, initial, null);
    }

    @SuppressWarnings("unchecked")
    private <T> StateCell<T> cell(String module, String name, String type, Supplier<T> initial, ClassLoader classes) {
        Map<String, StateCell<?>> cells = modules.computeIfAbsent(module, m -> new ConcurrentHashMap<>());
        StateCell<?> found = cells.get(name);
        if (found != null && found.type().equals(type)) {
            return (StateCell<T>) found;
        }
        // A lock, not Map.compute: the initial value may read another cell of the same module.
        synchronized (cells) {
            StateCell<?> old = cells.get(name);
            if (old != null && old.type().equals(type)) {
                return (StateCell<T>) old;
            }
            StateBacking durable = backing;
            StateBacking.Stored stored = old == null && durable != null ? durable.load(module, name, type, classes)
                    : new StateBacking.Stored.Absent();
            String resetWhy = old != null ? "type changed from " + old.type() + " to " + type
                    : stored instanceof StateBacking.Stored.Unusable u ? u.reason() : null;
            T value = stored instanceof StateBacking.Stored.Found f ? (T) f.value() : initial.get();
            StateCell<T> fresh = new StateCell<>(module, name, type, value, resetWhy != null, durable);
            cells.put(name, fresh);
            if (resetWhy != null) {
                resets.computeIfAbsent(module, m -> new ArrayList<>()).add("state '" + name + "' reset: " + resetWhy);
                if (durable != null) {
                    durable.persist(List.of(fresh)); // the stored value of the old type goes now
                }
            }
            return fresh;
        }
    }

    @Override
    public void drop(String module) {
        modules.remove(module);
        resets.remove(module);
        StateBacking durable = backing;
        if (durable != null) {
            durable.drop(module);
        }
    }

    @Override
    public List<String> takeResets(String module) {
        List<String> taken = resets.remove(module);
        return taken == null ? List.of() : List.copyOf(taken);
    }

    @Override
    public Map<String, StateCell<?>> snapshot(String module) {
        Map<String, StateCell<?>> cells = modules.get(module);
        return cells == null ? Map.of() : Map.copyOf(cells);
    }

    /**
     * Puts the snapshot's cells back and persists what they hold (a failed revision may have reset
     * the stored value of one). Stored values of cells not in the snapshot are left alone: a module
     * that fails to start keeps its stored state for the next attempt.
     */
    @Override
    public void restore(String module, Map<String, StateCell<?>> snapshot) {
        resets.remove(module);
        if (snapshot.isEmpty()) {
            modules.remove(module);
        } else {
            modules.put(module, new ConcurrentHashMap<>(snapshot));
        }
        Map<io.hallows.dsl.runtime.StateSink, List<StateCell<?>>> bySink = new java.util.HashMap<>();
        snapshot.values().stream().filter(c -> c.sink() != null)
                .forEach(c -> bySink.computeIfAbsent(c.sink(), s -> new ArrayList<>()).add(c));
        bySink.forEach(io.hallows.dsl.runtime.StateSink::persist);
    }

    /**
     * The store as one module sees it: its own cells only. Generated code cannot read or drop
     * another module's state through its context.
     */
    public StateStore scopedTo(String module) {
        return scopedTo(module, null);
    }

    /**
     * The store as one module sees it, with stored model values rebuilt from {@code classes}
     * (the loader of the module's implementation bundle, which sees the API classes it uses).
     *
     * @since 0.2
     */
    public StateStore scopedTo(String module, ClassLoader classes) {
        return new StateStore() {
            @Override
            public <T> StateCell<T> cell(String owner, String name, String type, Supplier<T> initial) {
                if (!module.equals(owner)) {
                    throw new IllegalArgumentException("module '" + module + "' may not use the state of module '" + owner + "'");
                }
                return MemoryStateStore.this.cell(owner, name, type, initial, classes);
            }

            @Override
            public void drop(String owner) {
                throw new UnsupportedOperationException("module '" + module + "': state is dropped by the deployer, on undeploy");
            }
        };
    }
}
