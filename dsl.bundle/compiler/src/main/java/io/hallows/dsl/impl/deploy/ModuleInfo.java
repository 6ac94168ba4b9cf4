package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.impl.compile.CompiledModule;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * A deployed module, as {@code pt:list} shows it.
 *
 * @param name     the module's name
 * @param file     the file it was last deployed from
 * @param version  its implementation bundle's version ({@code 1.0.0.<sourceHash>})
 * @param state    its implementation bundle's state ({@code active}, {@code resolved} …), or {@code missing}
 * @param bundleId its implementation bundle's id, or -1 when it is missing
 * @param services the names of the services it publishes
 */
public record ModuleInfo(String name, String file, String version, String state, long bundleId, List<String> services) {

    static ModuleInfo of(CompiledModule module, String file, Version version, Bundle impl) {
        return new ModuleInfo(module.name(), file, version.toString(), impl == null ? "missing" : stateName(impl.getState()),
                impl == null ? -1 : impl.getBundleId(), module.services().stream().map(CompiledModule.ServiceSpec::name).toList());
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
