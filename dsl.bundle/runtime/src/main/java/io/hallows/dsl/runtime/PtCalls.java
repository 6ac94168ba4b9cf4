package io.hallows.dsl.runtime;

import java.util.concurrent.Callable;

/** How generated operations with a {@code @partition} hint run: through {@link ModuleContext#runIn}. */
public final class PtCalls {
    private PtCalls() {
    }

    /**
     * Runs {@code body} in {@code partition}, ordered by {@code key} (null for none), and returns its
     * result. Errors and unchecked exceptions of the body reach the caller as they are; a checked
     * exception of the executor (the caller was interrupted while waiting) becomes an
     * {@link IllegalStateException}, with the thread's interrupt flag set again.
     */
    public static <T> T inPartition(ModuleContext context, String partition, Object key, Callable<T> body) {
        try {
            return context.runIn(partition, key, body);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for partition '" + partition + "'", e);
        } catch (Exception e) {
            throw new IllegalStateException("partition '" + partition + "' failed: " + e, e);
        }
    }
}
