package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.ImpostorAdminActivator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

/**
 * Issue 10, hole 1: a vendor bundle that names itself {@code io.hallows.admin} (version 9.9.9) is
 * not the stack's admin API. Partitions admit by how a bundle was installed, so it gets none of the
 * admin partition's grants, cannot swap or stop anything, and the refusal is audited naming its id
 * and location.
 */
class IdentityByInstallationIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.identity", ":configurator:version": "1.0.0",
              "io.hallows.partition~web": { "name": "web", "cpus": "0", "exclusive": false,
                  "scheduler": "(hallows.scheduler=keyed)" },
              "io.hallows.partition~db": { "name": "db", "cpus": "0", "exclusive": false },
              "io.hallows.partition~admin": { "name": "admin", "cpus": "0", "exclusive": false, "workers:Integer": 1,
                  "bundles:String[]": ["io.hallows.admin"],
                  "grants:String[]": ["service:kernel.schedulers CALL", "service:kernel.partitions CALL",
                      "partition:web READ,ADMIN", "partition:db READ,ADMIN", "partition:admin READ"] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "web", "db", "admin");

    @Test
    void aBundleNamedLikeTheAdminApiGetsNothingOfItsPartition() throws Exception {
        Bundle real = Arrays.stream(stack.system().getBundles()).filter(b -> "io.hallows.admin".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        Bundle impostor = stack.install(TestBundle.named("io.hallows.admin").header("Bundle-Version", "9.9.9")
                .activator(ImpostorAdminActivator.class)
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api"));
        // A change of db's configuration is decided on the supervisor thread after the installation was
        // handled there: had the admin partition taken the bundle in, it would have started it by now.
        stack.shell("hallows:configure db restart.maxRestarts=4");
        if (impostor.getState() != Bundle.ACTIVE) {
            impostor.start();
        }

        assertEquals("schedulers=hidden;partitions=hidden;held=0", System.getProperty(ImpostorAdminActivator.RESULT),
                "no grants: neither the Schedulers nor the Partitions service is visible to it");
        String admin = stack.shell("hallows:partition admin");
        assertTrue(admin.contains("io.hallows.admin[" + real.getBundleId() + "]"), "the stack's admin API is still a member:\n" + admin);
        assertFalse(admin.contains("[" + impostor.getBundleId() + "]"), "the impostor is not:\n" + admin);
        assertTrue(stack.shell("hallows:stats web").matches("(?s).*scheduler\\s+keyed@.*"), "web kept its scheduler");
        assertTrue(stack.shell("hallows:partitions").matches("(?s).*\\ndb\\s+running.*"), "db still runs");
        String audit = stack.shell("hallows:audit 300");
        assertTrue(audit.contains("io.hallows.admin [#" + impostor.getBundleId() + " test:io.hallows.admin]")
                && audit.contains("not a member of partition 'admin'"), "the refusal names its id and location:\n" + audit);
    }
}
