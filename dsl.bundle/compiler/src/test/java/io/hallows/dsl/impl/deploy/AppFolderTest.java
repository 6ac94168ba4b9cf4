package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import io.hallows.dsl.runtime.impl.BundleModuleRuntime;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The watched folder deploys what is there, redeploys what changes and undeploys what is deleted. */
class AppFolderTest {
    @TempDir
    Path storage;
    @TempDir
    Path apps;
    private final BlockingQueue<DeployReport> reports = new LinkedBlockingQueue<>();

    @Test
    void filesAreDeployedUpdatedAndUndeployed() throws Exception {
        try (TestFramework framework = new TestFramework(storage)) {
            BundleContext context = framework.context();
            BundleModuleRuntime runtime = new BundleModuleRuntime(context, RecordingLogger.into(new ArrayList<>()));
            Deployer deployer = new Deployer(context, new FakeCompiler(), runtime, RecordingLogger.into(new ArrayList<>()));
            Path demo = apps.resolve("demo.pt");
            Files.writeString(demo, Demo.counter("v1", 1));
            AppFolder folder = new AppFolder(deployer, apps, reports::add, RecordingLogger.into(new ArrayList<>()));
            folder.start();

            assertEquals(Outcome.INSTALLED, next().outcome());
            assertEquals("v1", Demo.call(context, Demo.COUNTER, "version"));

            Files.writeString(demo, Demo.counter("v2", 1));
            assertEquals(Outcome.UPDATED, next().outcome());
            assertEquals("v2", Demo.call(context, Demo.COUNTER, "version"));

            Files.writeString(apps.resolve("broken.pt"), "error unknown type 'Cuonter'\n");
            DeployReport broken = next();
            assertEquals(Outcome.REJECTED, broken.outcome());
            assertEquals("broken.pt:1:1: error[PT0201]: unknown type 'Cuonter'", broken.diagnostics().get(0).format());

            Files.delete(demo);
            DeployReport removed = next();
            assertEquals(Outcome.UNDEPLOYED, removed.outcome());
            assertEquals("demo", removed.module());
            assertNull(context.getServiceReference(Demo.COUNTER));

            folder.close();
            deployer.close();
            runtime.close();
        }
    }

    private DeployReport next() throws InterruptedException {
        DeployReport report = reports.poll(30, TimeUnit.SECONDS);
        assertNotNull(report, "no report from the app folder within 30 s");
        return report;
    }
}
