package io.hallows.hal.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Counters bound to the thread that opened them. {@link #read()} may be called from any thread;
 * it reports counts since opening. Close to release the kernel's counter file descriptors.
 */
@ProviderType
public interface ThreadCounters extends AutoCloseable {
    /** The thread id ({@code gettid}) these counters follow. */
    long threadId();

    /**
     * @throws IllegalStateException when closed, or when the thread's status file is gone (the thread ended)
     * @throws java.io.UncheckedIOException when a counter cannot be read
     */
    CounterSample read();

    @Override
    void close();
}
