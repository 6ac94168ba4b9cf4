package io.hallows.run.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;

/**
 * Boots one {@link Stack} with the test class's stack file before its tests and stops it after:
 * {@code @RegisterExtension static final StackExtension stack = new StackExtension(STACK, "web");}
 * waits until the named partitions run.
 */
final class StackExtension implements BeforeAllCallback, AfterAllCallback {
    private final String stackJson;
    private final String[] running;
    private Stack stack;
    private Path work;

    StackExtension(String stackJson, String... running) {
        this.stackJson = stackJson;
        this.running = running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hallows-it-");
        stack = Stack.boot(work, stackJson);
        for (String partition : running) {
            stack.await(partition, "running");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (stack != null) {
            stack.close();
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    String shell(String command) throws Exception {
        return stack.shell(command);
    }

    void await(String partition, String state) throws Exception {
        stack.await(partition, state);
    }

    Bundle install(TestBundle bundle) throws Exception {
        return stack.install(bundle);
    }

    /** A latch that opens when the bundle called {@code symbolicName} has started (register before causing it). */
    CountDownLatch whenStarted(String symbolicName) {
        CountDownLatch started = new CountDownLatch(1);
        stack.system().addBundleListener(e -> {
            if (e.getType() == BundleEvent.STARTED && symbolicName.equals(e.getBundle().getSymbolicName())) {
                started.countDown();
            }
        });
        return started;
    }

    BundleContext system() {
        return stack.system();
    }

    /** The folder the stack runs in (its framework storage, stack file and admin token). */
    Path work() {
        return work;
    }
}
