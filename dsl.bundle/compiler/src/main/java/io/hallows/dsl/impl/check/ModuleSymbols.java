package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.ModuleDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarations of one module: its models, errors and services with their signatures, and what
 * it imports. Built for the module being compiled and for each module it imports (from that
 * module's source), so that calls into another module are typed like local ones.
 */
public final class ModuleSymbols {
    private final ModuleDecl ast;
    private final Map<String, ModelInfo> models = new LinkedHashMap<>();
    private final Map<String, ErrorInfo> errors = new LinkedHashMap<>();
    private final Map<String, ServiceInfo> services = new LinkedHashMap<>();
    private final Map<String, ServiceInfo> imported = new LinkedHashMap<>();
    private final List<ModuleSymbols> importedModules = new ArrayList<>();
    private final List<Class<?>> javaImports = new ArrayList<>();

    ModuleSymbols(ModuleDecl ast) {
        this.ast = ast;
    }

    public ModuleDecl ast() {
        return ast;
    }

    /** The qualified module name, {@code shop} or {@code acme.shop}. */
    public String name() {
        return ast.name().text();
    }

    public Map<String, ModelInfo> models() {
        return models;
    }

    public Map<String, ErrorInfo> errors() {
        return errors;
    }

    public Map<String, ServiceInfo> services() {
        return services;
    }

    /** Imported services (of modules or Java) by the name this module uses for them. */
    public Map<String, ServiceInfo> imported() {
        return imported;
    }

    /** The modules this one imports services from, each once, in import order. */
    public List<ModuleSymbols> importedModules() {
        return importedModules;
    }

    /** The Java interfaces it imports. */
    public List<Class<?>> javaImports() {
        return javaImports;
    }

    /** This module and every module it imports, directly or not, each once. */
    public List<ModuleSymbols> closure() {
        List<ModuleSymbols> all = new ArrayList<>();
        collect(this, all);
        return all;
    }

    private static void collect(ModuleSymbols m, List<ModuleSymbols> all) {
        if (all.stream().noneMatch(x -> x.name().equals(m.name()))) {
            all.add(m);
            m.importedModules.forEach(i -> collect(i, all));
        }
    }
}
