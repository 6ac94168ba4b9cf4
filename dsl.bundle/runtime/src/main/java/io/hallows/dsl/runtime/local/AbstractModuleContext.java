package io.hallows.dsl.runtime.local;

import io.hallows.dsl.runtime.ModuleContext;
import io.hallows.dsl.runtime.StateStore;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What every module context does the same way: it names its module, hands out its state store,
 * and closes what the module registered with {@link #onClose}, newest first, when it closes.
 * Subclasses decide where services, partitions and log lines come from.
 */
public abstract class AbstractModuleContext implements ModuleContext, AutoCloseable {
    private final String module;
    private final StateStore state;
    private final Deque<AutoCloseable> closers = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param module the module's name
     * @param state  the store the module's variables live in (scoped to the module, or not)
     */
    protected AbstractModuleContext(String module, StateStore state) {
        this.module = module;
        this.state = state;
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final StateStore state() {
        return state;
    }

    /** Registers {@code resource}; after {@link #close} it is closed at once. */
    @Override
    public final void onClose(AutoCloseable resource) {
        synchronized (closers) {
            if (!closed) {
                closers.push(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    /** Closes what was registered with {@link #onClose}, newest first; a failure is reported, not thrown. */
    @Override
    public void close() {
        synchronized (closers) {
            closed = true;
        }
        AutoCloseable next;
        while ((next = pollCloser()) != null) {
            closeQuietly(next);
        }
    }

    /** True once {@link #close} has begun. */
    protected final boolean isClosed() {
        synchronized (closers) {
            return closed;
        }
    }

    /** Reports that closing {@code resource} failed with {@code failure} (closing goes on). */
    protected abstract void closeFailed(AutoCloseable resource, Throwable failure);

    private AutoCloseable pollCloser() {
        synchronized (closers) {
            return closers.poll();
        }
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception | LinkageError e) {
            closeFailed(resource, e);
        }
    }
}
