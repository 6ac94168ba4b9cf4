package io.hallows.run.it;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * A real Felix framework running exactly the bundles of the exported default stack
 * ({@code target/hallows.jar}), booted with a stack file of the test's own, and driven through the
 * operator shell the way an operator drives it.
 */
final class Stack implements AutoCloseable {
    private final Framework framework;
    private final Object session;
    private final Method execute;
    private final ByteArrayOutputStream shellOut = new ByteArrayOutputStream();

    private Stack(Framework framework) throws Exception {
        this.framework = framework;
        BundleContext system = framework.getBundleContext();
        // All references: the test's class path has its own copy of the Gogo API, which the
        // framework would otherwise count as an incompatible class space.
        ServiceReference<?> ref = system.getAllServiceReferences("org.apache.felix.service.command.CommandProcessor", null)[0];
        Object processor = system.getService(ref);
        Method create = processor.getClass().getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
        PrintStream out = new PrintStream(shellOut, true, StandardCharsets.UTF_8);
        session = create.invoke(processor, InputStream.nullInputStream(), out, out);
        execute = session.getClass().getMethod("execute", CharSequence.class);
        execute.setAccessible(true);
    }

    /** Boots the stack's bundles with {@code stackJson} as the stack file; returns once the shell answers. */
    static Stack boot(Path workDir, String stackJson) throws Exception {
        Path stackFile = workDir.resolve("stack.json");
        Files.writeString(stackFile, stackJson);
        Path jar = Path.of(System.getProperty("hallows.jar", "target/hallows.jar"));
        Properties launcher = new Properties();
        List<byte[]> bundles = new ArrayList<>();
        try (JarFile exported = new JarFile(jar.toFile())) {
            try (InputStream in = exported.getInputStream(exported.getEntry("launcher.properties"))) {
                launcher.load(in);
            }
            for (String entry : launcher.getProperty("launch.bundles").split(",")) {
                try (InputStream in = exported.getInputStream(exported.getEntry(entry.trim()))) {
                    bundles.add(in.readAllBytes());
                }
            }
        }
        Map<String, String> config = new HashMap<>();
        // The stack's run properties (cnf/run-common.bnd), as the exported launcher passes them;
        // the test's own settings below override them.
        launcher.stringPropertyNames().stream().filter(key -> !key.startsWith("launch."))
                .forEach(key -> config.put(key, launcher.getProperty(key)));
        config.put("org.osgi.framework.storage", workDir.resolve("framework").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("hallows.data", workDir.resolve("data").toString()); // the stack's data area (audit log, layers' files)
        config.put("org.osgi.framework.system.packages.extra", "sun.misc");
        config.put("org.osgi.framework.startlevel.beginning", String.valueOf(bundles.size() + 2));
        config.put("hallows.stack", stackFile.toUri().toString()); // applied by the kernel in one pass
        config.put("gosh.args", "--nointeractive");
        config.put("hallows.console", "none"); // the test drives the shell itself
        config.put("felix.cm.loglevel", "1");
        // The admin API of a test stack: any free port, its token and URL in the test's own folder.
        config.put("hallows.admin.port", "0");
        config.put("hallows.pt.apps", workDir.resolve("apps").toString()); // Parseltongue's watched folder
        config.put("hallows.admin.tokenFile", workDir.resolve("admin.token").toString());
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.init();
        CountDownLatch started = new CountDownLatch(1);
        framework.getBundleContext().addFrameworkListener(e -> {
            if (e.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        });
        List<Integer> levels = startLevels(launcher.getProperty("launch.runbundles.attrs"));
        for (int i = 0; i < bundles.size(); i++) {
            Bundle b = framework.getBundleContext().installBundle("stack:" + i, new java.io.ByteArrayInputStream(bundles.get(i)));
            b.adapt(BundleStartLevel.class).setStartLevel(levels.get(i));
            if (b.getHeaders().get("Fragment-Host") == null) {
                b.start();
            }
        }
        framework.start();
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("framework did not start within 60 s");
        }
        return awaitShell(framework);
    }

    /** The start level of each run bundle, in launch order, as the exported launcher would set them. */
    private static List<Integer> startLevels(String attrs) {
        List<Integer> levels = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("startlevel=(\\d+)").matcher(attrs);
        while (m.find()) {
            levels.add(Integer.parseInt(m.group(1)));
        }
        return levels;
    }

    private static Stack awaitShell(Framework framework) throws Exception {
        // The shell commands are Declarative Services components; ReadyAnnouncer's reference
        // proves they are registered, and it is visible as a service once it is.
        org.osgi.util.tracker.ServiceTracker<Object, Object> ready = new org.osgi.util.tracker.ServiceTracker<>(
                framework.getBundleContext(), framework.getBundleContext().createFilter(
                        "(objectClass=io.hallows.kernel.impl.console.ReadyAnnouncer)"), null);
        ready.open(true);
        try {
            Object announcer = ready.waitForService(60_000);
            if (announcer == null) {
                throw new IllegalStateException("the kernel's shell did not come up within 60 s");
            }
            // Then the stack file's partitions: the Configurator applies it asynchronously.
            Method awaitReady = announcer.getClass().getMethod("awaitReady", java.time.Duration.class);
            if (!(Boolean) awaitReady.invoke(announcer, java.time.Duration.ofSeconds(60))) {
                throw new IllegalStateException("the stack did not settle within 60 s");
            }
        } finally {
            ready.close();
        }
        return new Stack(framework);
    }

    /** Runs a shell command and returns what it printed or returned; throws the command's exception. */
    String shell(String command) throws Exception {
        shellOut.reset();
        try {
            Object result = execute.invoke(session, command);
            String printed = shellOut.toString(StandardCharsets.UTF_8);
            return printed + (result == null ? "" : result.toString());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Waits (through the shell's await command) until the partition is in {@code state}. */
    void await(String partition, String state) throws Exception {
        shell("hallows:await " + partition + " " + state + " 30000");
    }

    BundleContext system() {
        return framework.getBundleContext();
    }

    Bundle install(TestBundle bundle) throws Exception {
        return system().installBundle("test:" + bundle.symbolicName(), bundle.open());
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }
}
