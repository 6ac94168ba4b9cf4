package io.hallows.dsl.impl.deploy;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Runs work on a thread of its own once the framework has started: installing bundles while start
 * levels are still being processed fails ("Bundle in unexpected state"), and a deployment waits
 * for refreshes, which it must never do on a framework thread.
 */
final class AfterStartup {
    private AfterStartup() {
    }

    /**
     * Starts {@code task} on a new daemon thread named {@code name}, now if the framework is
     * active, else when it has started.
     *
     * @return closes the wait (the task does not run if it has not started yet)
     */
    static AutoCloseable run(BundleContext context, String name, Runnable task) {
        FrameworkListener listener = new FrameworkListener() {
            private boolean started;

            @Override
            public synchronized void frameworkEvent(FrameworkEvent event) {
                if (event.getType() == FrameworkEvent.STARTED && !started) {
                    started = true;
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    thread.start();
                }
            }
        };
        context.addFrameworkListener(listener);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            listener.frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTED, context.getBundle(0), null));
        }
        return () -> {
            try {
                context.removeFrameworkListener(listener);
            } catch (IllegalStateException stopped) {
                // the bundle's context is gone with its listeners
            }
        };
    }
}
