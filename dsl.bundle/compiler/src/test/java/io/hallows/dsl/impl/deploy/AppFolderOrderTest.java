package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watched folder deploys a module after those it imports, and retries a module when what it imports arrives. */
class AppFolderOrderTest {
    @TempDir
    Path apps;
    private final BlockingQueue<DeployReport> reports = new LinkedBlockingQueue<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ImportingDeployer deployer = new ImportingDeployer();

    @Test
    void atStartModulesDeployInImportOrderNotByFileName() throws Exception {
        Files.writeString(apps.resolve("a.pt"), ImportingDeployer.module("alpha", "zed"));
        Files.writeString(apps.resolve("m.pt"), ImportingDeployer.module("mid", "alpha"));
        Files.writeString(apps.resolve("z.pt"), ImportingDeployer.module("zed"));
        AppFolder folder = start();
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.INSTALLED, next().outcome(), String.join("\n", log));
        }
        assertEquals(List.of("z.pt", "a.pt", "m.pt"), deployer.attempts);
        folder.close();
    }

    @Test
    void aModuleThatFailedForAMissingImportIsDeployedWhenTheImportArrives() throws Exception {
        AppFolder folder = start();
        folder.watching().get(30, TimeUnit.SECONDS);
        Files.writeString(apps.resolve("a.pt"), ImportingDeployer.module("alpha", "zed"));
        DeployReport refused = next();
        assertEquals(Outcome.REJECTED, refused.outcome());
        assertTrue(log.contains("a.pt will be deployed again when module zed is deployed"), String.join("\n", log));

        Files.writeString(apps.resolve("z.pt"), ImportingDeployer.module("zed"));
        // The watcher may report a.pt again (another event for its first write); what matters is
        // that alpha is installed once zed is, without a.pt being touched again.
        DeployReport report;
        do {
            report = next();
        } while (!(report.outcome() == Outcome.INSTALLED && "alpha".equals(report.module())));
        assertTrue(deployer.attempts.indexOf("z.pt") < deployer.attempts.lastIndexOf("a.pt"), "retried after zed: " + deployer.attempts);
        folder.close();
    }

    @Test
    void anImportCycleIsReportedAndNotDeployed() throws Exception {
        Files.writeString(apps.resolve("c1.pt"), ImportingDeployer.module("one", "two"));
        Files.writeString(apps.resolve("c2.pt"), ImportingDeployer.module("two", "one"));
        Files.writeString(apps.resolve("free.pt"), ImportingDeployer.module("free"));
        AppFolder folder = start();
        assertEquals("free", next().module());
        assertTrue(log.contains("not deployed: the imports form a cycle c1.pt (module one) -> c2.pt (module two) -> c1.pt (module one);"
                + " modules cannot import each other's services in a cycle"), String.join("\n", log));
        assertEquals(List.of("free.pt"), deployer.attempts, "no file of the cycle was deployed");
        folder.close();
    }

    private AppFolder start() {
        AppFolder folder = new AppFolder(deployer, apps, reports::add, RecordingLogger.into(log));
        folder.start();
        return folder;
    }

    private DeployReport next() throws InterruptedException {
        DeployReport report = reports.poll(30, TimeUnit.SECONDS);
        assertNotNull(report, "no report from the app folder within 30 s: " + String.join("\n", log));
        return report;
    }
}
