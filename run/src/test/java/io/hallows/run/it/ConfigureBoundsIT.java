package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Numbers that overflow, given through {@code hallows:configure} (issue 10, hole 6): an immediate
 * rejection naming the field and the bound, the old configuration back in ConfigAdmin, and the
 * partition can be configured again at once.
 */
class ConfigureBoundsIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.bounds", ":configurator:version": "1.0.0",
              "io.hallows.partition~gamma": { "name": "gamma", "cpus": "0-1", "exclusive": false, "watchdog": "2s",
                  "restart.window": "90s" } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "gamma");

    @Test
    void anOverflowingValueIsRejectedAtOnceAndThePartitionCanBeConfiguredAgain() throws Exception {
        long start = System.nanoTime();
        Exception watchdog = assertThrows(IllegalArgumentException.class,
                () -> stack.shell("hallows:configure gamma watchdog=9999999999999999h"));
        assertEquals("partition 'gamma': watchdog: must be at most 168h (168h) (was 9999999999999999h)"
                + " — change rejected, the previous configuration stays in force", watchdog.getMessage());
        Exception window = assertThrows(IllegalArgumentException.class,
                () -> stack.shell("hallows:configure gamma restart.window=12345678901234567890"));
        assertTrue(window.getMessage().startsWith("partition 'gamma': restart.window: must be at most 168h"), window.getMessage());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "rejections are immediate, not a 30 s wait: " + millis + " ms");

        assertEquals("2s", stored("watchdog"), "ConfigAdmin holds the configuration in force again");
        assertEquals("90s", stored("restart.window"));
        assertEquals(null, stored("hallows.change"));
        assertEquals("partition 'gamma': configuration accepted", stack.shell("hallows:configure gamma watchdog=3s").strip());
        assertTrue(stack.shell("hallows:partition gamma").contains("running"));
        assertEquals("3s", stored("watchdog"));
        assertEquals(2, stack.shell("hallows:audit 100").lines().filter(l -> l.contains("config.reject")).count());
    }

    /** A property of gamma's configuration as ConfigAdmin stores it. */
    private static Object stored(String key) throws Exception {
        org.osgi.framework.BundleContext system = stack.system();
        Object cm = system.getService(system.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null)[0]);
        java.lang.reflect.Method list = cm.getClass().getMethod("listConfigurations", String.class);
        list.setAccessible(true);
        Object[] found = (Object[]) list.invoke(cm, "(name=gamma)");
        java.lang.reflect.Method properties = found[0].getClass().getMethod("getProperties");
        properties.setAccessible(true);
        return ((Dictionary<?, ?>) properties.invoke(found[0])).get(key);
    }
}
