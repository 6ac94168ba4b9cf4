package io.hallows.dsl.impl.compile;

import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** An in-memory state store that records the cells it reset because their type changed. */
final class TestStore implements StateStore {
    final List<String> resets = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, StateCell<?>> cells = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> StateCell<T> cell(String module, String name, String type, Supplier<T> initial) {
        String key = module + "/" + name;
        StateCell<?> old = cells.get(key);
        if (old != null && old.type().equals(type)) {
            return (StateCell<T>) old;
        }
        StateCell<T> fresh = new StateCell<>(type, initial.get(), old != null);
        if (old != null) {
            resets.add(name + ": " + old.type() + " -> " + type);
        }
        cells.put(key, fresh);
        return fresh;
    }

    @Override
    public void drop(String module) {
        cells.keySet().removeIf(k -> k.startsWith(module + "/"));
    }
}
