package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.SteadyActivator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/** Which partition a bundle belongs to, how it moves, and where the kernel API comes from. */
class MembershipIT {
    @RegisterExtension
    static final StackExtension stack = new StackExtension("""
            { ":configurator:symbolic-name": "it.membership", ":configurator:version": "1.0.0",
              "io.hallows.partition~first": { "name": "first", "cpus": "0", "exclusive": false },
              "io.hallows.partition~second": { "name": "second", "cpus": "0", "exclusive": false } }
            """, "first", "second");

    @Test
    void aBundleTakesOnTheStateOfThePartitionItMovesTo() throws Exception {
        stack.shell("hallows:configure second bundles=it.mover 'locations=test:*'");
        stack.shell("hallows:configure first bundles=it.mover 'locations=test:*'");
        stack.shell("hallows:stop first");
        Bundle mover = stack.install(TestBundle.named("it.mover").activator(SteadyActivator.class));
        assertTrue(stack.shell("hallows:partition first").contains("it.mover[" + mover.getBundleId() + "] installed"),
                "overlapping patterns: the first partition by name owns it, and it is stopped");
        assertEquals(Bundle.INSTALLED, mover.getState());

        CountDownLatch started = stack.whenStarted("it.mover");
        stack.shell("hallows:configure first bundles=nothing.here");
        assertTrue(started.await(30, TimeUnit.SECONDS), "now owned by the running partition 'second', it is started");
        assertTrue(stack.shell("hallows:partition second").contains("it.mover[" + mover.getBundleId() + "] active"));

        stack.shell("hallows:stop second");
        assertEquals(Bundle.RESOLVED, mover.getState());
        assertEquals("1", System.getProperty(SteadyActivator.starts("it.mover")));
    }

    @Test
    void noBundleCanBeWiredToACopyOfTheKernelApi() throws Exception {
        stack.install(TestBundle.named("it.vendor.fakeapi").header("Export-Package", "io.hallows.kernel.api;version=0.1.5")).start();
        Bundle user = stack.install(TestBundle.named("it.vendor.apiuser")
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api;version=\"[0.1.5,0.2)\""));
        assertThrows(BundleException.class, user::start, "only the fake exports 0.1.5, and the kernel refuses that wire");
        assertTrue(stack.shell("hallows:audit 200").contains("wire to a copy of io.hallows.kernel.api not exported by the kernel"));
    }
}
