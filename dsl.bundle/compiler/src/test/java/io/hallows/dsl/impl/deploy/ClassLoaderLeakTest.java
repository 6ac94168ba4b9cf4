package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import io.hallows.dsl.runtime.impl.BundleModuleRuntime;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Updating a module in place many times must not keep its old revisions' class loaders alive. */
class ClassLoaderLeakTest {
    private static final int UPDATES = 100;
    private static final int GC_ATTEMPTS = 50;

    @TempDir
    Path storage;

    @Test
    void noClassLoaderSurvivesAHundredUpdates() throws Exception {
        try (TestFramework framework = new TestFramework(storage)) {
            BundleContext context = framework.context();
            BundleModuleRuntime runtime = new BundleModuleRuntime(context, RecordingLogger.into(new ArrayList<>()));
            Deployer deployer = new Deployer(context, new FakeCompiler(), runtime, RecordingLogger.into(new ArrayList<>()));
            String[] versions = {Demo.counter("even", 1), Demo.counter("odd", 1)};
            assertEquals(Outcome.INSTALLED, deployer.deploy("demo.pt", versions[0]).outcome());
            WeakReference<ClassLoader> first = firstLoader(context);
            assertEquals(1L, Demo.call(context, Demo.COUNTER, "next"));

            for (int i = 1; i <= UPDATES; i++) {
                DeployReport report = deployer.deploy("demo.pt", versions[i % 2]);
                assertEquals(Outcome.UPDATED, report.outcome(), report.format());
                assertEquals(i + 1L, Demo.call(context, Demo.COUNTER, "next"), "every revision counts on the same state");
            }

            for (int attempt = 0; attempt < GC_ATTEMPTS && first.get() != null; attempt++) {
                System.gc();
            }
            assertNull(first.get(), "the first revision's class loader is still reachable");
            deployer.close();
            runtime.close();
        }
    }

    /** The first revision's class loader, held weakly; the service is released before returning. */
    private static WeakReference<ClassLoader> firstLoader(BundleContext context) throws Exception {
        ServiceReference<?> ref = context.getServiceReference(Demo.COUNTER);
        Object service = context.getService(ref);
        try {
            ClassLoader loader = service.getClass().getClassLoader();
            assertTrue(service.getClass().getName().startsWith("pt.demo.impl."));
            return new WeakReference<>(loader);
        } finally {
            context.ungetService(ref);
        }
    }
}
