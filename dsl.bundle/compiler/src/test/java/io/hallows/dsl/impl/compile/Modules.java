package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.local.MemoryClassLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles Parseltongue modules the way the deployer does, on the test class path: the valid
 * corpus by module name, plus sources a test adds; an imported module is compiled first and its
 * API classes added to the library. {@link #start} loads a module's classes into a fresh class
 * loader and creates its services with a {@link TestContext}.
 */
final class Modules {
    static final Path VALID = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "corpus", "valid");
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+([\\w.]+)\\s+version");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+service\\s+\\w+\\s+from\\s+([\\w.]+)");

    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, CompiledModule> compiled = new HashMap<>();
    private final Map<String, ClassLoader> apiLoaders = new HashMap<>();
    private final ModuleCompiler compiler = new JavaModuleCompiler();

    Modules() {
        try (Stream<Path> files = Files.list(VALID)) {
            files.filter(p -> p.toString().endsWith(".pt")).forEach(p -> add(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces a module's source; forgets what was compiled. */
    Modules add(String source) {
        Matcher m = MODULE.matcher(source);
        assertTrue(m.find(), "no module header in " + source);
        sources.put(m.group(1), source);
        compiled.clear();
        return this;
    }

    ModuleCompiler.Result result(String module) {
        String source = sources.get(module);
        ClassPathLibrary library = new ClassPathLibrary(Modules.class.getClassLoader());
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            if (sources.containsKey(imports.group(1))) {
                library.with(compile(imports.group(1)).apiClasses());
            }
        }
        return compiler.compile(module + ".pt", source, name -> Optional.ofNullable(sources.get(name)), library);
    }

    CompiledModule compile(String module) {
        CompiledModule done = compiled.get(module);
        if (done == null) {
            ModuleCompiler.Result result = result(module);
            if (!result.ok()) {
                fail("module " + module + " does not compile:\n" + String.join("\n",
                        result.diagnostics().stream().map(Diagnostic::format).toList()));
            }
            done = result.module();
            compiled.put(module, done);
        }
        return done;
    }

    /**
     * The module's services created with a new context over {@code store}, after those of the
     * modules it imports. As in the framework, an API (by module and hash) is loaded once and
     * shared by every revision compiled against it; each start loads implementations afresh.
     */
    Running start(String module, StateStore store, Map<Class<?>, Object> javaServices) {
        CompiledModule m = compile(module);
        TestContext context = new TestContext(module, store);
        javaServices.forEach(context::register);
        for (CompiledModule other : List.copyOf(compiled.values())) {
            if (m.imports().contains(CompiledModule.apiPackage(other.name()))) {
                Running imported = new Running(new MemoryLoader(other.implClasses()), new TestContext(other.name(), store), other);
                other.services().forEach(s -> context.register(imported.type(s.interfaceName()), imported.service(s.name())));
            }
        }
        return new Running(new MemoryLoader(m.implClasses()), context, m);
    }

    private ClassLoader apiLoader(String className) {
        for (CompiledModule m : compiled.values()) {
            if (className.startsWith(CompiledModule.apiPackage(m.name()) + ".")) {
                return apiLoaders.computeIfAbsent(m.name() + ":" + m.apiHash(), k -> new MemoryLoader(m.apiClasses()));
            }
        }
        return null;
    }

    /** A started module: its loader, context and services. */
    static final class Running {
        final ClassLoader loader;
        final TestContext context;
        private final Map<String, Object> services = new LinkedHashMap<>();

        Running(ClassLoader loader, TestContext context, CompiledModule module) {
            this.loader = loader;
            this.context = context;
            try {
                for (CompiledModule.ServiceSpec spec : module.services()) {
                    Class<?> impl = loader.loadClass(spec.implClassName());
                    services.put(spec.name(), impl.getConstructor(io.hallows.dsl.runtime.ModuleContext.class).newInstance(context));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        Object service(String name) {
            return services.get(name);
        }

        Class<?> type(String binaryName) {
            try {
                return loader.loadClass(binaryName);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Calls operation {@code op} of service {@code name} through its API interface; errors are thrown as they are. */
        Object call(String name, String op, Object... args) {
            Object service = services.get(name);
            for (Class<?> api : service.getClass().getInterfaces()) {
                for (Method m : api.getMethods()) {
                    if (m.getName().equals(op) && m.getParameterCount() == args.length) {
                        try {
                            return m.invoke(service, args);
                        } catch (InvocationTargetException e) {
                            if (e.getCause() instanceof RuntimeException r) {
                                throw r;
                            }
                            throw new IllegalStateException(e.getCause());
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            throw new IllegalArgumentException("no operation " + op + "/" + args.length + " on " + name);
        }

        /** A record or error of the module's API: {@code create("pt.shop.api.Line", "apple", 3L)}. */
        Object create(String className, Object... args) {
            try {
                Class<?> type = loader.loadClass(className);
                return type.getConstructors()[0].newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Defines the given classes; API classes of other modules come from their shared loaders, the rest from the test's. */
    private final class MemoryLoader extends MemoryClassLoader {
        MemoryLoader(Map<String, byte[]> classes) {
            super("pt-test", Modules.class.getClassLoader(), classes);
        }

        @Override
        protected Class<?> loadElsewhere(String name, boolean resolve) throws ClassNotFoundException {
            ClassLoader api = apiLoader(name);
            return api != null && api != this ? api.loadClass(name) : super.loadElsewhere(name, resolve);
        }
    }
}
