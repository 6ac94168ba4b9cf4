package io.hallows.dsl.runtime.spi;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The Parseltongue runtime as the deployer sees it: a service of the runtime bundle. It starts
 * the revisions of the implementation bundles the deployer adopted (their activator asks it) and
 * keeps every module's state. Thread-safe.
 *
 * <p>Not protected: the runtime trusts that only the deployer adopts bundles. Any bundle could
 * update or stop a generated bundle anyway: see "Not guaranteed inside one JVM" in
 * {@code docs/security.md}.
 */
@ProviderType
public interface ModuleRuntime {
    /**
     * Takes {@code implementation}, the implementation bundle of a module that the deployer
     * installed, as one the runtime may start: its activator then gets a module context.
     *
     * @throws IllegalArgumentException if its location is not a module's implementation location
     *                                  ({@link GeneratedBundle#moduleOfImpl})
     */
    void adopt(Bundle implementation);

    /** True when {@code bundle} was adopted (or found installed when the runtime started) and is not uninstalled. */
    boolean adopted(Bundle bundle);

    /** Every module's state: the cells generated code uses, with what the deployer needs around an update. */
    ModuleStates states();
}
