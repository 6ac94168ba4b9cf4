package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys Parseltongue modules into the running framework, one deployment at a time. A deployment
 * is all or nothing: a module with an error installs nothing and the running version keeps
 * serving; a revision that fails to start is replaced by the previous one.
 *
 * <p>Thread-safe: calls are serialized. Do not call from a framework callback (an activator, a
 * framework or bundle listener): a deployment waits for the framework to refresh bundles.
 */
public interface ModuleDeployer {
    /**
     * Compiles {@code source}, then installs its module or updates it in place.
     *
     * @param file   the file name diagnostics name ({@code shop.pt})
     * @param source the module's text
     * @return what happened; {@link DeployReport#ok()} is false when nothing changed because of an error
     */
    DeployReport deploy(String file, String source);

    /** Compiles {@code source} without installing anything: its errors and warnings. */
    List<Diagnostic> check(String file, String source);

    /**
     * Stops and uninstalls a module's bundles and drops its state.
     *
     * @throws IllegalArgumentException if no such module is deployed, or another module imports its API
     */
    DeployReport undeploy(String module);

    /** The deployed modules, by name. */
    List<ModuleInfo> list();

    /** The generated Java of a deployed module, file name to text; empty if it is not deployed. */
    Optional<Map<String, String>> source(String module);
}
