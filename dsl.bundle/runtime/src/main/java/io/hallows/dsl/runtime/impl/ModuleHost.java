package io.hallows.dsl.runtime.impl;

import org.osgi.framework.BundleContext;

/**
 * What the activator of a generated bundle calls: the runtime's side of a revision's life.
 * Registered as a service by the runtime and found through the generated bundle's own context.
 * Not protected, but it only starts bundles the deployer adopted.
 */
public interface ModuleHost {
    /**
     * Starts the revision of the generated implementation bundle whose context is {@code generated}:
     * opens its {@link io.hallows.dsl.runtime.ModuleContext}, creates each service implementation
     * and registers it under its API interface.
     *
     * @throws IllegalStateException if that bundle was not installed (adopted) by the deployer
     * @throws Exception             what an implementation's constructor threw; nothing stays registered
     */
    Running start(BundleContext generated) throws Exception;

    /** A started revision. */
    interface Running {
        /** Unregisters its services, closes them and its context. Never throws. */
        void stop();
    }
}
