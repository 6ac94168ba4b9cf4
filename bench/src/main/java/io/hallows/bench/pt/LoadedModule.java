package io.hallows.bench.pt;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.compile.CompiledModule;
import io.hallows.dsl.impl.compile.JavaModuleCompiler;
import io.hallows.dsl.impl.compile.ModuleCompiler;
import io.hallows.dsl.runtime.ModuleContext;
import io.hallows.dsl.runtime.local.LocalModuleContext;
import io.hallows.dsl.runtime.local.MemoryClassLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A Parseltongue module compiled on the benchmark's class path and loaded as the compiler's own
 * tests load one: its API and implementation classes defined in a fresh class loader, each service
 * created with the runtime's {@link LocalModuleContext} (state in memory, {@code runIn} on the
 * caller's thread, no imported services, log lines dropped). Everything here is set-up work
 * (reflection); what a benchmark calls is the {@link ToLongFunction} of {@link #listToLong}, a
 * lambda class doing a plain {@code invokeinterface} on the generated interface.
 */
public final class LoadedModule {
    /** Read once: the runtime's class files do not change while the JVM runs. */
    private static final RuntimeLibrary LIBRARY = new RuntimeLibrary();
    private final CompiledModule compiled;
    private final ClassLoader loader;
    private final Map<String, Object> services = new LinkedHashMap<>();

    private LoadedModule(CompiledModule compiled) throws ReflectiveOperationException {
        this.compiled = compiled;
        this.loader = loaderOf(compiled);
        ModuleContext context = new LocalModuleContext(compiled.name());
        for (CompiledModule.ServiceSpec spec : compiled.services()) {
            services.put(spec.name(), loader.loadClass(spec.implClassName()).getConstructor(ModuleContext.class).newInstance(context));
        }
    }

    /** Compiles {@code source} with {@link JavaModuleCompiler}; a module with errors is an {@link IllegalStateException} listing them. */
    public static CompiledModule compile(String file, String source) {
        ModuleCompiler.Result result = new JavaModuleCompiler().compile(file, source, name -> Optional.empty(), LIBRARY);
        if (!result.ok()) {
            throw new IllegalStateException(file + " does not compile:\n"
                    + String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList()));
        }
        return result.module();
    }

    /** Compiles {@code source} and creates its services. */
    public static LoadedModule load(String file, String source) {
        try {
            return new LoadedModule(compile(file, source));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the services of " + file, e);
        }
    }

    /** A value of one of the module's models: {@code model("Order", "apple", 3L)}. */
    public Object model(String model, Object... fields) {
        try {
            return loader.loadClass(CompiledModule.apiPackage(compiled.name()) + "." + model).getConstructors()[0].newInstance(fields);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + model, e);
        }
    }

    /** Operation {@code op(List): Int} of service {@code service}, as a lambda over its generated interface. */
    public ToLongFunction<List<?>> listToLong(String service, String op) {
        CompiledModule.ServiceSpec spec = compiled.services().stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("module " + compiled.name() + " has no service " + service));
        try {
            MethodHandles.Lookup inLoader = (MethodHandles.Lookup) loader.loadClass(LoaderLookup.class.getName()).getMethod("lookup").invoke(null);
            return listToLong(inLoader, loader.loadClass(spec.interfaceName()), op, services.get(service));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot look up " + service + "." + op, e);
        }
    }

    /**
     * {@code target.op(list)} as a {@link ToLongFunction} made by {@link LambdaMetafactory}: the
     * call shape of a Java lambda ({@code api::op} bound to {@code target}), the same for generated
     * and hand-written services.
     *
     * @param caller a lookup with full privileges in a class loader that sees {@code api}
     * @param api    the interface declaring {@code long op(java.util.List)}
     */
    @SuppressWarnings("unchecked")
    public static ToLongFunction<List<?>> listToLong(MethodHandles.Lookup caller, Class<?> api, String op, Object target) {
        try {
            MethodType listToLong = MethodType.methodType(long.class, List.class);
            MethodHandle method = caller.findVirtual(api, op, listToLong);
            CallSite site = LambdaMetafactory.metafactory(caller, "applyAsLong", MethodType.methodType(ToLongFunction.class, api),
                    MethodType.methodType(long.class, Object.class), method, listToLong);
            return (ToLongFunction<List<?>>) site.getTarget().invoke(target);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make a lambda of " + api.getName() + "." + op, e);
        }
    }

    /** The module's classes and a copy of {@link LoaderLookup}, defined in a loader of their own; everything else from the benchmark's. */
    private static ClassLoader loaderOf(CompiledModule module) {
        Map<String, byte[]> classes = new HashMap<>(module.apiClasses());
        classes.putAll(module.implClasses());
        String lookup = LoaderLookup.class.getName();
        try (InputStream in = LoadedModule.class.getClassLoader().getResourceAsStream(lookup.replace('.', '/') + ".class")) {
            classes.put(lookup, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MemoryClassLoader("pt:" + module.name(), LoadedModule.class.getClassLoader(), classes);
    }
}
