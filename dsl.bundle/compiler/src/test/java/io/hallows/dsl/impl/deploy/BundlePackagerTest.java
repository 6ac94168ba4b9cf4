package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.compile.CompiledModule;
import io.hallows.dsl.impl.deploy.BundlePackager.Packaged;
import io.hallows.dsl.runtime.spi.ServiceEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** The two bundles of a module, built in memory with bndlib. */
class BundlePackagerTest {
    private final BundlePackager packager = new BundlePackager(new Version(0, 1, 0));
    private final FakeCompiler compiler = new FakeCompiler();

    @Test
    void theApiBundleExportsTheApiAtTheApiHash() throws IOException {
        CompiledModule m = compile(Demo.counter("v1", 1));
        Attributes api = manifest(packager.pack(m, Map.of()).api());

        assertEquals("pt.demo.api", api.getValue("Bundle-SymbolicName"));
        assertEquals("1.0.0." + m.apiHash(), api.getValue("Bundle-Version"));
        assertEquals("pt.demo.api;version=\"1.0.0." + m.apiHash() + "\"", api.getValue("Export-Package"));
        assertNull(api.getValue("Require-Capability"), "no osgi.ee requirement");
    }

    @Test
    void theImplementationBundleIsALeafThatNamesItsServices() throws IOException {
        CompiledModule m = compile(Demo.counter("v1", 1));
        Attributes impl = manifest(packager.pack(m, Map.of()).impl());

        assertEquals("pt.demo", impl.getValue("Bundle-SymbolicName"));
        assertEquals("1.0.0." + m.sourceHash(), impl.getValue("Bundle-Version"));
        assertNull(impl.getValue("Export-Package"));
        assertNull(impl.getValue("Private-Package"));
        assertEquals("io.hallows.dsl.runtime.ModuleActivator", impl.getValue("Bundle-Activator"));
        assertEquals("demo", impl.getValue("Parseltongue-Module"));
        assertEquals("Counter=pt.demo.api.Counter:pt.demo.impl.CounterImpl", impl.getValue("Parseltongue-Services"));
        String imports = impl.getValue("Import-Package");
        assertTrue(imports.contains("pt.demo.api;version=\"[1.0.0." + m.apiHash() + ",1.0.0." + m.apiHash() + "]\""), imports);
        assertTrue(imports.contains("io.hallows.dsl.runtime;version=\"[0.1,0.2)\""), imports);
    }

    @Test
    void theSameModuleGivesTheSameBytesAndAnImplementationChangeKeepsTheApiBytes() {
        Packaged once = packager.pack(compile(Demo.counter("v1", 1)), Map.of());
        Packaged again = packager.pack(compile(Demo.counter("v1", 1)), Map.of());
        Packaged changed = packager.pack(compile(Demo.counter("v2", 1)), Map.of());

        assertArrayEquals(once.api(), again.api());
        assertArrayEquals(once.impl(), again.impl());
        assertArrayEquals(once.api(), changed.api());
        assertFalse(Arrays.equals(once.impl(), changed.impl()));
    }

    @Test
    void anotherModulesApiIsImportedAtExactlyItsVersion() throws IOException {
        CompiledModule demo = compile(Demo.counter("v1", 1));
        Version demoApi = BundlePackager.apiVersion(demo);
        CompiledModule user = compiler.compile("user.pt", Demo.user(""), name -> Optional.empty(),
                pkg -> pkg.equals("pt.demo.api") ? demo.apiClasses().entrySet().stream()
                        .map(e -> new io.hallows.dsl.impl.compile.ClassLibrary.ClassFile(e.getKey(), e.getValue())).toList() : List.of())
                .module();

        Packaged packaged = packager.pack(user, Map.of("pt.demo.api", demoApi));

        String pin = "pt.demo.api;version=\"[" + demoApi + "," + demoApi + "]\"";
        assertTrue(manifest(packaged.impl()).getValue("Import-Package").contains(pin));
        assertFalse(manifest(packaged.api()).getValue("Import-Package").contains("pt.demo.api"), "its API does not refer to demo's");
    }

    @Test
    void aMalformedServicesHeaderIsRefusedWithTheClause() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServiceEntry.parse("Counter=pt.demo.api.Counter:pt.demo.impl.CounterImpl, Pricing"));
        assertEquals("Parseltongue-Services: 'Pricing' is not name=interface:class", bad.getMessage());
    }

    private CompiledModule compile(String source) {
        return compiler.compile("demo.pt", source, name -> Optional.empty(), pkg -> List.of()).module();
    }

    private static Attributes manifest(byte[] bundle) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bundle))) {
            return in.getManifest().getMainAttributes();
        }
    }
}
