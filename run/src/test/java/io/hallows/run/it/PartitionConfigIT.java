package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runtime configuration changes through ConfigAdmin: bad ones are rejected and the old one stays. */
class PartitionConfigIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.config", ":configurator:version": "1.0.0",
              "io.hallows.partition~alpha": { "name": "alpha", "cpus": "0" },
              "io.hallows.partition~beta": { "name": "beta", "cpus": "1", "restart.maxRestarts:Integer": 2 } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "alpha", "beta");

    private static void rejected(String change, String expected) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> stack.shell("hallows:configure beta " + change));
        assertTrue(e.getMessage().startsWith(expected), "for " + change + ": " + e.getMessage());
        assertTrue(e.getMessage().endsWith("change rejected, the previous configuration stays in force"), e.getMessage());
    }

    @Test
    void badChangesAreRejectedAndTheOldConfigurationStays() throws Exception {
        rejected("cpus=4000", "partition 'beta': cpus: cpu 4000 is not online");
        rejected("cpus=0", "partition 'beta': cpus: cpu 0 already owned exclusively by partition 'alpha'");
        rejected("'scheduler=(hallows.scheduler=fifo'", "partition 'beta': scheduler: '(hallows.scheduler=fifo' is not a valid service filter");
        rejected("restart.maxRestarts=-2", "partition 'beta': restart.maxRestarts: must not be negative (was -2)");

        String beta = stack.shell("hallows:partition beta");
        assertTrue(beta.matches("(?s).*\\ncpus +1\\n.*"), beta);
        assertTrue(beta.contains("2 in 60s"), beta);
        assertTrue(beta.contains("running"), beta);
        assertTrue(beta.contains("rejected change  partition 'beta': restart.maxRestarts: must not be negative (was -2)"), beta);
        assertEquals(4, stack.shell("hallows:audit 100").lines().filter(l -> l.contains("config.reject")).count());
        assertEquals("1", storedProperty("beta", "cpus"), "ConfigAdmin holds the configuration in force again");
        assertEquals(null, storedProperty("beta", "hallows.change"));
    }

    @Test
    void anOperatorCanStopAPartitionAndOnlyReleaseStartsItAgain() throws Exception {
        stack.shell("hallows:configure alpha restart.backoff=20ms"); // alpha is shared with the other test: settle it
        assertEquals("partition 'alpha' stopped", stack.shell("hallows:stop alpha").strip());
        assertTrue(stack.shell("hallows:partition alpha").contains("stopped since"));
        Exception e = assertThrows(IllegalStateException.class, () -> stack.shell("hallows:restart alpha"));
        assertEquals("partition 'alpha' is stopped; release it to start it again", e.getMessage());
        assertEquals("partition 'alpha' released: running", stack.shell("hallows:release alpha").strip());
    }

    /** A property of the partition's configuration as ConfigAdmin stores it. */
    private static Object storedProperty(String partition, String key) throws Exception {
        org.osgi.framework.BundleContext system = stack.system();
        Object cm = system.getService(system.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null)[0]);
        java.lang.reflect.Method list = cm.getClass().getMethod("listConfigurations", String.class);
        list.setAccessible(true);
        Object[] found = (Object[]) list.invoke(cm, "(name=" + partition + ")");
        java.lang.reflect.Method properties = found[0].getClass().getMethod("getProperties");
        properties.setAccessible(true);
        return ((java.util.Dictionary<?, ?>) properties.invoke(found[0])).get(key);
    }

    @Test
    void aValidChangeTakesEffectWithoutRestartingTheFramework() throws Exception {
        String result = stack.shell("hallows:configure alpha restart.maxRestarts=9 restart.backoff=20ms");
        assertEquals("partition 'alpha': configuration accepted", result.strip());
        String alpha = stack.shell("hallows:partition alpha");
        assertTrue(alpha.contains("9 in 60s, backoff 20-30000ms"), alpha);
        assertTrue(alpha.contains("running"), alpha);
    }
}
