package io.hallows.hal.api;

/**
 * Counters bound to the thread that opened them. {@link #read()} may be called from any thread;
 * it reports counts since opening. Close to release the kernel's counter file descriptors.
 */
public interface ThreadCounters extends AutoCloseable {
    /** The thread id ({@code gettid}) these counters follow. */
    long threadId();

    /** @throws IllegalStateException when closed, or when the thread's status file is gone (the thread ended) */
    CounterSample read();

    @Override
    void close();
}
