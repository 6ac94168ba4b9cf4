package io.hallows.dsl.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.runtime.ModuleActivator;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** The runtime in a framework: it starts only the bundles the deployer adopted, and stops them when it stops. */
class BundleModuleRuntimeTest {
    @TempDir
    Path storage;
    private TestFramework framework;
    private BundleContext context;
    private BundleModuleRuntime runtime;

    @BeforeEach
    void launch() throws Exception {
        framework = new TestFramework(storage);
        context = framework.context();
        runtime = new BundleModuleRuntime(context, RecordingLogger.into(new ArrayList<>()));
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        framework.close();
    }

    @Test
    void aBundleTheDeployerDidNotAdoptDoesNotStart() throws Exception {
        Bundle stray = context.installBundle(GeneratedBundle.implLocation("demo"), generated("pt.demo"));

        BundleException refused = assertThrows(BundleException.class, stray::start);

        assertTrue(String.valueOf(refused.getCause()).endsWith("was not installed by the Parseltongue deployer"), String.valueOf(refused.getCause()));
        assertFalse(runtime.adopted(stray));
    }

    @Test
    void anAdoptedBundleStartsAndStopsWithTheRuntime() throws Exception {
        Bundle impl = context.installBundle(GeneratedBundle.implLocation("demo"), generated("pt.demo"));
        runtime.adopt(impl);

        impl.start(Bundle.START_TRANSIENT);
        assertEquals(Bundle.ACTIVE, impl.getState());
        runtime.close();

        assertEquals(Bundle.RESOLVED, impl.getState(), "generated bundles run only while the runtime does");
        runtime = new BundleModuleRuntime(context, RecordingLogger.into(new ArrayList<>()));
        assertTrue(runtime.adopted(impl), "a runtime that starts again adopts the implementation bundles installed");
    }

    @Test
    void onlyAModulesImplementationBundleCanBeAdopted() throws Exception {
        Bundle api = context.installBundle(GeneratedBundle.apiLocation("demo"), generated("pt.demo.api"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> runtime.adopt(api));

        assertTrue(refused.getMessage().contains("is not a module's implementation bundle: its location is parseltongue:demo/api"),
                refused.getMessage());
    }

    /** A bundle as the deployer packages an implementation with no services: the runtime's activator, nothing else. */
    private static ByteArrayInputStream generated(String symbolicName) throws Exception {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Activator", ModuleActivator.class.getName());
        a.putValue("Import-Package", ModuleActivator.class.getPackageName());
        a.putValue(GeneratedBundle.MODULE, "demo");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
