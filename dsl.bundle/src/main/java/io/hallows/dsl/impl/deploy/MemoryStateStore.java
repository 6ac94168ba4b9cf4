package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Parseltongue bundle's one state store, in memory: state outlives every revision of a
 * module's bundles, not a restart of the stack. A cell whose type signature changed is replaced,
 * and the reset is recorded for the deployer to report.
 */
final class MemoryStateStore implements StateStore {
    private final Map<String, Map<String, StateCell<?>>> modules = new ConcurrentHashMap<>();
    private final Map<String, List<String>> resets = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> StateCell<T> cell(String module, String name, String type, Supplier<T> initial) {
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
            StateCell<T> fresh = new StateCell<>(type, initial.get(), old != null);
            cells.put(name, fresh);
            if (old != null) {
                resets.computeIfAbsent(module, m -> new ArrayList<>())
                        .add("state '" + name + "' reset: type changed from " + old.type() + " to " + type);
            }
            return fresh;
        }
    }

    @Override
    public void drop(String module) {
        modules.remove(module);
        resets.remove(module);
    }

    /** The resets recorded for {@code module} since the last call, as messages. */
    List<String> takeResets(String module) {
        List<String> taken = resets.remove(module);
        return taken == null ? List.of() : List.copyOf(taken);
    }

    /** The module's cells as they are now, to {@link #restore} after a failed update. */
    Map<String, StateCell<?>> snapshot(String module) {
        Map<String, StateCell<?>> cells = modules.get(module);
        return cells == null ? Map.of() : Map.copyOf(cells);
    }

    /** Puts back the cells of a {@link #snapshot}: cells the failed revision replaced come back. */
    void restore(String module, Map<String, StateCell<?>> snapshot) {
        resets.remove(module);
        if (snapshot.isEmpty()) {
            modules.remove(module);
        } else {
            modules.put(module, new ConcurrentHashMap<>(snapshot));
        }
    }

    /**
     * The store as one module sees it: its own cells only. Generated code cannot read or drop
     * another module's state through its context.
     */
    StateStore scopedTo(String module) {
        return new StateStore() {
            @Override
            public <T> StateCell<T> cell(String owner, String name, String type, Supplier<T> initial) {
                if (!module.equals(owner)) {
                    throw new IllegalArgumentException("module '" + module + "' may not use the state of module '" + owner + "'");
                }
                return MemoryStateStore.this.cell(owner, name, type, initial);
            }

            @Override
            public void drop(String owner) {
                throw new UnsupportedOperationException("module '" + module + "': state is dropped by the deployer, on undeploy");
            }
        };
    }
}
