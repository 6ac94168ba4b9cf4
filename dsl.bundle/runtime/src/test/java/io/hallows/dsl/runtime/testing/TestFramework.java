package io.hallows.dsl.runtime.testing;

import java.nio.file.Path;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * A real Felix framework in this JVM. The system bundle exports the runtime package (from the
 * test class path) as the runtime bundle does in a stack, so generated bundles resolve.
 */
public final class TestFramework implements AutoCloseable {
    private final Framework framework;

    /** @param storage the framework's cache: the same folder again is a restart */
    public TestFramework(Path storage) throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "io.hallows.dsl.runtime;version=0.2.0",
                "felix.log.level", "1"));
        framework.start();
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }
}
