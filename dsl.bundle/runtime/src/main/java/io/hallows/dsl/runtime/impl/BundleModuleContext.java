package io.hallows.dsl.runtime.impl;

import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.local.AbstractModuleContext;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;

/**
 * The context of one revision of a module: services and partition executors are looked up
 * through the generated bundle's own context, so the kernel's service hooks decide what the module
 * sees exactly as for any other bundle installed after the stack.
 */
final class BundleModuleContext extends AbstractModuleContext {
    /** Partitions whose work the current thread is running a module body for. */
    private static final ThreadLocal<Set<String>> RUNNING_IN = ThreadLocal.withInitial(HashSet::new);

    private final BundleContext bundle;
    private final Logger log;
    private final Map<Object, Held<?>> held = new ConcurrentHashMap<>();

    /** @param log where the module's lines go, prefixed with its name */
    BundleModuleContext(String module, BundleContext bundle, StateStore state, Logger log) {
        super(module, state);
        this.bundle = bundle;
        this.log = log;
    }

    @Override
    public <S> S service(Class<S> type) {
        return lookup(type, type, null, () -> "no service " + type.getName() + " is available to " + who()
                + ": its provider is not running, or it is protected and " + who() + " holds no service:<name> CALL for it");
    }

    @Override
    public <S> S service(Class<S> type, String filter) {
        return lookup(type.getName() + filter, type, () -> filter, () -> "no service " + type.getName() + " " + filter
                + " is available to " + who() + ": its provider is not running, or it is protected and " + who()
                + " holds no service:<name> CALL for it");
    }

    @Override
    public <S> S awaitService(Class<S> type, String filter, long timeoutMillis) throws InterruptedException {
        java.util.concurrent.CountDownLatch registered = new java.util.concurrent.CountDownLatch(1);
        org.osgi.framework.ServiceListener listener = event -> {
            if (event.getType() == org.osgi.framework.ServiceEvent.REGISTERED) {
                registered.countDown();
            }
        };
        try {
            bundle.addServiceListener(listener, "(&(objectClass=" + type.getName() + ")" + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad service filter " + filter + ": " + e.getMessage(), e);
        }
        try {
            try {
                return service(type, filter);
            } catch (IllegalStateException notYet) {
                // registered after the listener was added, if at all: wait for the event
            }
            registered.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return service(type, filter);
        } finally {
            bundle.removeServiceListener(listener);
        }
    }

    @Override
    public <T> T runIn(String partition, Object key, Callable<T> body) throws Exception {
        Set<String> running = RUNNING_IN.get();
        if (running.contains(partition)) {
            // Already doing this partition's work on this thread: waiting for a nested task could
            // wait forever (a key's tasks run one at a time), so the body runs here.
            return body.call();
        }
        PartitionExecutor executor = lookup("partition:" + partition, PartitionExecutor.class,
                () -> "(" + PartitionExecutor.PARTITION + "=" + escape(partition) + ")",
                () -> "partition '" + partition + "' has no executor visible to " + who() + ": the partition does not exist, or "
                        + who() + " lacks service:" + KernelConstants.EXECUTOR_PREFIX + partition
                        + " CALL (add it to the partition's bundles, or grant it)");
        TaskHints hints = key == null ? TaskHints.NONE : TaskHints.key(String.valueOf(key));
        CompletableFuture<T> result = executor.submit(() -> {
            Set<String> inside = RUNNING_IN.get();
            boolean added = inside.add(partition);
            try {
                return body.call();
            } finally {
                if (added) {
                    inside.remove(partition);
                }
            }
        }, hints);
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(false);
            throw e;
        }
    }

    @Override
    public void log(String message) {
        log.info(module() + ": " + message);
    }

    /** Closes what was registered with {@link #onClose}, newest first, and releases every service. */
    @Override
    public void close() {
        super.close();
        held.values().forEach(h -> ungetQuietly(h.reference()));
        held.clear();
    }

    @Override
    protected void closeFailed(AutoCloseable resource, Throwable failure) {
        log.warn(module() + ": closing " + resource + " failed: " + failure);
    }

    /** A service, cached while its registration lasts; a departed one is looked up again. */
    /** @param filter the service filter, or null; built only when the cache misses (this runs on every call) */
    private <S> S lookup(Object cacheKey, Class<S> type, java.util.function.Supplier<String> filter,
            java.util.function.Supplier<String> missing) {
        if (isClosed()) {
            throw new IllegalStateException("module '" + module() + "': this revision has stopped");
        }
        Held<?> cached = held.get(cacheKey);
        if (cached != null && cached.reference().getBundle() != null) {
            return type.cast(cached.service());
        }
        synchronized (held) {
            cached = held.get(cacheKey);
            if (cached != null && cached.reference().getBundle() != null) {
                return type.cast(cached.service());
            }
            if (cached != null) {
                held.remove(cacheKey);
                ungetQuietly(cached.reference());
            }
            Held<S> found = find(type, filter == null ? null : filter.get());
            if (found == null) {
                throw new IllegalStateException("module '" + module() + "': " + missing.get());
            }
            held.put(cacheKey, found);
            return found.service();
        }
    }

    /**
     * The best service of {@code type}. The framework hides a registration whose registrant is not
     * wired to the type's package (the kernel's proxy of a protected service whose interface a third
     * bundle exports): such registrations are taken too when the object they give is a {@code type}.
     */
    private <S> Held<S> find(Class<S> type, String filter) {
        try {
            ServiceReference<?>[] all = bundle.getAllServiceReferences(type.getName(), filter);
            if (all == null) {
                return null;
            }
            java.util.Arrays.sort(all, java.util.Comparator.reverseOrder());
            for (ServiceReference<?> ref : all) {
                Object service = bundle.getService(ref);
                if (type.isInstance(service)) {
                    @SuppressWarnings("unchecked")
                    ServiceReference<S> typed = (ServiceReference<S>) ref;
                    return new Held<>(typed, type.cast(service));
                }
                if (service != null) {
                    ungetQuietly(ref);
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad service filter " + filter + ": " + e.getMessage(), e);
        }
    }

    private String who() {
        Bundle b = bundle.getBundle();
        return b.getSymbolicName() + " [" + b.getBundleId() + "]";
    }

    private void ungetQuietly(ServiceReference<?> ref) {
        try {
            bundle.ungetService(ref);
        } catch (IllegalStateException stopped) {
            // the bundle's context is no longer valid: the framework released its services already
        }
    }

    private static final java.util.regex.Pattern FILTER_SPECIAL = java.util.regex.Pattern.compile("([\\\\*()])");

    private static String escape(String value) {
        return FILTER_SPECIAL.matcher(value).replaceAll("\\\\$1");
    }

    private record Held<S>(ServiceReference<S> reference, S service) {
    }
}
