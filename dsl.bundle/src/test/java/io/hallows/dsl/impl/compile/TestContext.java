package io.hallows.dsl.impl.compile;

import io.hallows.dsl.runtime.ModuleContext;
import io.hallows.dsl.runtime.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A module context for tests: the given state store, services registered by hand, {@code runIn}
 * running the body on the caller's thread and recording {@code partition/key}, log lines kept.
 */
final class TestContext implements ModuleContext, AutoCloseable {
    final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    final List<String> partitions = Collections.synchronizedList(new ArrayList<>());
    private final String module;
    private final StateStore state;
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final Deque<AutoCloseable> closers = new ArrayDeque<>();

    TestContext(String module, StateStore state) {
        this.module = module;
        this.state = state;
    }

    <S> TestContext register(Class<S> type, Object service) {
        services.put(type, service);
        return this;
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
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("no service " + type.getName());
        }
        return type.cast(service);
    }

    @Override
    public <T> T runIn(String partition, Object key, Callable<T> body) throws Exception {
        partitions.add(partition + "/" + key);
        return body.call();
    }

    @Override
    public void log(String message) {
        logs.add(message);
    }

    @Override
    public synchronized void onClose(AutoCloseable resource) {
        closers.push(resource);
    }

    int closers() {
        return closers.size();
    }

    @Override
    public synchronized void close() throws Exception {
        while (!closers.isEmpty()) {
            closers.pop().close();
        }
    }
}
