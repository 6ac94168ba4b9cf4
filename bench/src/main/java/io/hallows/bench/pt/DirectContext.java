package io.hallows.bench.pt;

import io.hallows.dsl.runtime.ModuleContext;
import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The least a generated service needs outside a framework: state in memory (a {@link StateCell}
 * per variable), {@code runIn} running the body on the caller's thread, no imported services, log
 * lines dropped. The benchmarked operations use none but the state.
 */
final class DirectContext implements ModuleContext {
    private final String module;
    private final StateStore state = new MemoryStore();

    DirectContext(String module) {
        this.module = module;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public StateStore state() {
        return state;
    }

    @Override
    public <S> S service(Class<S> type) {
        throw new IllegalStateException("no service " + type.getName() + " in a benchmark context");
    }

    @Override
    public <T> T runIn(String partition, Object key, Callable<T> body) throws Exception {
        return body.call();
    }

    @Override
    public void log(String message) {
        // dropped: a benchmark measures the work, not the log
    }

    @Override
    public void onClose(AutoCloseable resource) {
        // the module lives as long as the benchmark's JVM
    }

    /** One cell per module and variable; a type change replaces the cell, as the deployer's store does. */
    private static final class MemoryStore implements StateStore {
        private final Map<String, StateCell<?>> cells = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> StateCell<T> cell(String module, String name, String type, Supplier<T> initial) {
            return (StateCell<T>) cells.compute(module + "/" + name, (k, old) -> old != null && old.type().equals(type)
                    ? old : new StateCell<>(type, initial.get(), old != null));
        }

        @Override
        public void drop(String module) {
            cells.keySet().removeIf(k -> k.startsWith(module + "/"));
        }
    }
}
