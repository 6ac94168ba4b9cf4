package io.hallows.dsl.runtime;

import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the deployer gives a generated module's implementation when its bundle starts: its state,
 * the services it imports, and the partitions its operations run in. One per module revision;
 * closed when the revision's bundle stops.
 */
@ProviderType
public interface ModuleContext {
    /** The module's name, as its {@code module} declaration says. */
    String module();

    /** The store that keeps the module's state across updates. */
    StateStore state();

    /**
     * An imported service, looked up through the generated bundle's own context, so the kernel's
     * capability checks apply (a protected service is seen only with {@code service:<name>} CALL).
     *
     * @throws IllegalStateException naming the service when it is not available now
     */
    <S> S service(Class<S> type);

    /**
     * A service of {@code type} whose properties match the LDAP {@code filter}, looked up as
     * {@link #service(Class)}: e.g. the {@code SqlEngine} of one database among several.
     *
     * @throws IllegalStateException naming the service when none is available now
     */
    default <S> S service(Class<S> type, String filter) {
        return service(type);
    }

    /**
     * As {@link #service(Class, String)}, but waits up to {@code timeoutMillis} for the service to
     * appear: a revision started with the stack may start before a service it needs (the OLTP
     * database recovering its data). Without a framework there is nothing to wait for.
     *
     * @throws IllegalStateException naming the service when it did not appear in time
     */
    default <S> S awaitService(Class<S> type, String filter, long timeoutMillis) throws InterruptedException {
        return service(type, filter);
    }

    /**
     * Runs {@code body} in partition {@code partition} through its scheduler, with an ordering key
     * (null for none), and waits for its result: the operation's scheduling hint.
     *
     * @throws IllegalStateException when the partition's executor is not available to this module
     */
    <T> T runIn(String partition, Object key, Callable<T> body) throws Exception;

    /** Writes a line to the stack's log, prefixed with the module's name. */
    void log(String message);

    /** Registers something to close when the revision stops (subscriptions, trackers). */
    void onClose(AutoCloseable resource);
}
