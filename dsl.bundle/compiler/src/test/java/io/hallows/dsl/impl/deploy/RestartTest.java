package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.runtime.impl.BundleModuleRuntime;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** A restarted framework keeps the generated bundles stopped until the deployer redeploys their kept sources. */
class RestartTest {
    @TempDir
    Path storage;

    @Test
    void aRestartedDeployerRestoresItsModules() throws Exception {
        try (TestFramework first = new TestFramework(storage)) {
            BundleModuleRuntime runtime = new BundleModuleRuntime(first.context(), RecordingLogger.into(new ArrayList<>()));
            Deployer deployer = new Deployer(first.context(), new FakeCompiler(), runtime, RecordingLogger.into(new ArrayList<>()));
            deployer.deploy("demo.pt", Demo.counter("v1", 1));
            Demo.call(first.context(), Demo.COUNTER, "next");
            deployer.close();
            runtime.close();
        }
        try (TestFramework second = new TestFramework(storage)) {
            Bundle impl = second.context().getBundle(GeneratedBundle.implLocation("demo"));
            assertNotEquals(Bundle.ACTIVE, impl.getState(), "the framework does not start it by itself");
            List<String> log = new CopyOnWriteArrayList<>();
            BundleModuleRuntime runtime = new BundleModuleRuntime(second.context(), RecordingLogger.into(log));
            Deployer deployer = new Deployer(second.context(), new FakeCompiler(), runtime, RecordingLogger.into(log));
            deployer.restored().get(30, TimeUnit.SECONDS);

            assertEquals(Bundle.ACTIVE, impl.getState());
            assertTrue(log.stream().anyMatch(line -> line.startsWith("restored demo.pt unchanged (module demo) in ")), log.toString());
            assertEquals(1L, Demo.call(second.context(), Demo.COUNTER, "next"), "state lives in memory: it starts again");
            assertEquals("demo", deployer.list().get(0).name());
            deployer.close();
            runtime.close();
        }
    }
}
