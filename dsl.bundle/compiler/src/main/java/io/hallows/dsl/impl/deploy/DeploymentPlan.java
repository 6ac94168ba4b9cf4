package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.impl.compile.CompiledModule;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The modules one deployment changes, in order: the module deployed first, then the modules that
 * import an API it changes, recompiled against the new API. They are installed together or not at all.
 */
final class DeploymentPlan {
    /** A compiled module and where it came from. */
    record Planned(String file, String source, CompiledModule module) {
    }

    private final Map<String, Planned> modules = new LinkedHashMap<>();

    void add(String file, String source, CompiledModule module) {
        modules.put(module.name(), new Planned(file, source, module));
    }

    boolean contains(String module) {
        return modules.containsKey(module);
    }

    Collection<Planned> modules() {
        return modules.values();
    }

    /** The name of the module deployed first. */
    String first() {
        return modules.keySet().iterator().next();
    }

    /** The source of a planned module, for the compiler's {@code modules} lookup. */
    Optional<String> source(String module) {
        return Optional.ofNullable(modules.get(module)).map(Planned::source);
    }

    /** The API classes of the planned modules by package: what importers compile against. */
    Map<String, Map<String, byte[]>> pendingApis() {
        Map<String, Map<String, byte[]>> apis = new HashMap<>();
        modules.values().forEach(p -> apis.put(CompiledModule.apiPackage(p.module().name()), p.module().apiClasses()));
        return apis;
    }
}
