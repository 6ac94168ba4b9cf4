package io.hallows.dsl.runtime.local;

import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.spi.ModuleStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Parseltongue runtime's state store, in memory: state outlives every revision of a module's
 * bundles and every update of the compiler, not a restart of the stack (or of the runtime bundle).
 * A cell whose type signature changed is replaced, and the reset is recorded for the deployer to
 * report. Thread-safe.
 */
public final class MemoryStateStore implements ModuleStates {
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

    @Override
    public void restore(String module, Map<String, StateCell<?>> snapshot) {
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
    public StateStore scopedTo(String module) {
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
