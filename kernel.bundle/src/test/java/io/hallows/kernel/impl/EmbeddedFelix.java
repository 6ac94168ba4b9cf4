package io.hallows.kernel.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A real Felix framework for unit tests of kernel parts that need bundles: launched on a temporary
 * storage directory, with tiny bundles built in memory (a manifest, and optionally classes copied
 * from the test class path). Launch one per test class; give each test its own symbolic names.
 */
public final class EmbeddedFelix implements AutoCloseable {
    private static final AtomicInteger LOCATIONS = new AtomicInteger();

    private final Framework framework;
    private final Path storage;

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    public static EmbeddedFelix launch() throws IOException, BundleException {
        Path storage = Files.createTempDirectory("hallows-felix-");
        Map<String, String> config = Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                "felix.log.level", "0");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        return new EmbeddedFelix(framework, storage);
    }

    public BundleContext system() {
        return framework.getBundleContext();
    }

    /** Installs a bundle whose manifest has {@code headers} (name, value, name, value…) besides its name. */
    public Bundle install(String symbolicName, String... headers) throws BundleException {
        return install(symbolicName, List.of(), headers);
    }

    /** As {@link #install(String, String...)}, with {@code classes} copied into the bundle from the test class path. */
    public Bundle install(String symbolicName, List<Class<?>> classes, String... headers) throws BundleException {
        return system().installBundle("mem:" + symbolicName + "#" + LOCATIONS.incrementAndGet(),
                jar(symbolicName, classes, headers));
    }

    /** Installs a bundle from {@code location} through {@code installer}'s context (so the framework names it the installer). */
    public Bundle installAt(BundleContext installer, String location, String symbolicName, String... headers) throws BundleException {
        return installer.installBundle(location, jar(symbolicName, List.of(), headers));
    }

    /** Installs and starts a bundle (see {@link #install(String, String...)}). */
    public Bundle start(String symbolicName, String... headers) throws BundleException {
        Bundle b = install(symbolicName, headers);
        b.start();
        return b;
    }

    /** Asks the framework to resolve {@code bundle}; true if it is resolved now. */
    public boolean resolve(Bundle bundle) {
        return framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }

    /** Refreshes {@code bundles} and waits until the framework has done so. */
    public void refresh(Bundle... bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundles), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the framework did not refresh within 10 s");
        }
    }

    private static InputStream jar(String symbolicName, List<Class<?>> classes, String... headers) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        for (int i = 0; i < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * A trust that takes this bare framework as the stack: the bundles a test installs later are
     * installed by its system bundle and admitted by location. Listening from now on; a test that
     * shares the framework removes it ({@code system().removeBundleListener}) after each test.
     */
    public io.hallows.kernel.impl.protect.Trust watchedTrust(io.hallows.kernel.impl.capability.CapabilityTable table) throws IOException {
        io.hallows.kernel.impl.protect.Trust trust = io.hallows.kernel.impl.protect.Trust.ofStackInstalledBefore(system(), table);
        system().addBundleListener(trust);
        return trust;
    }

    /** One framework for a test class: {@code @RegisterExtension static final EmbeddedFelix.PerClass framework = ...}. */
    public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {
        private EmbeddedFelix felix;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            felix = launch();
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            felix.close();
        }

        public EmbeddedFelix get() {
            return felix;
        }
    }
}
