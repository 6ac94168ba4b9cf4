package io.hallows.dsl.runtime.local;

import io.hallows.dsl.runtime.StateStore;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A module context on a plain class path, without a framework: services registered by hand,
 * {@link #runIn} running the body on the caller's thread (partitions belong to a framework), log
 * lines handed to a consumer. For the compiler's tests, the benchmarks and tools that run a
 * compiled module directly; inside a stack the runtime opens its own contexts.
 */
public class LocalModuleContext extends AbstractModuleContext {
    private final Consumer<String> log;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    /** A context with a {@link MemoryStateStore} of its own and log lines dropped. */
    public LocalModuleContext(String module) {
        this(module, new MemoryStateStore(), line -> { });
    }

    /**
     * @param state where the module's state lives
     * @param log   receives each line the module logs, and each failure to close a resource
     */
    public LocalModuleContext(String module, StateStore state, Consumer<String> log) {
        super(module, state);
        this.log = log;
    }

    /**
     * Makes {@code service} the answer to {@link #service service(type)}.
     *
     * @throws ClassCastException if {@code service} is not a {@code type}
     */
    public LocalModuleContext register(Class<?> type, Object service) {
        services.put(type, type.cast(service));
        return this;
    }

    @Override
    public <S> S service(Class<S> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("module '" + module() + "': no service " + type.getName() + " is registered in its local context");
        }
        return type.cast(service);
    }

    /** Runs {@code body} here, on the caller's thread: there are no partitions outside a framework. */
    @Override
    public <T> T runIn(String partition, Object key, Callable<T> body) throws Exception {
        return body.call();
    }

    @Override
    public void log(String message) {
        log.accept(message);
    }

    @Override
    protected void closeFailed(AutoCloseable resource, Throwable failure) {
        log.accept("closing " + resource + " failed: " + failure);
    }
}
