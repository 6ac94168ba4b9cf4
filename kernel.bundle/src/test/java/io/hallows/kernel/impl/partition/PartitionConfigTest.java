package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionConfigTest {
    private static final CpuSet ONLINE = CpuSet.parse("0-1");

    private static Map<String, Object> web(Object... more) {
        Map<String, Object> props = new HashMap<>(Map.of("name", "web", "cpus", "0"));
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i].toString(), more[i + 1]);
        }
        return props;
    }

    private static ConfigRejection rejected(Map<String, Object> props) {
        return assertThrows(ConfigRejection.class, () -> PartitionConfig.parse(props, ONLINE));
    }

    @Test
    void defaultsAndTypedValues() throws ConfigRejection {
        PartitionConfig c = PartitionConfig.parse(web("bundles", new String[] {"io.hallows.web.*"},
                "grants", new String[] {"service:greeter CALL,READ"}, "restart.backoff", "250ms", "restart.window", 5000L), ONLINE);
        assertEquals("0", c.cpus().toString());
        assertTrue(c.exclusive());
        assertEquals("(hallows.scheduler=fifo)", c.scheduler());
        assertEquals(3, c.restart().maxRestarts());
        assertEquals(Duration.ofMillis(250), c.restart().backoff());
        assertEquals(Duration.ofSeconds(5), c.restart().window());
        assertTrue(c.supervises("io.hallows.web.api"));
        assertFalse(c.supervises("io.hallows.db"));
        assertEquals("service:greeter [READ, CALL]", c.grants().get(0).toString());
    }

    @Test
    void unknownCpuIsRejectedWithTheOnlineSet() {
        ConfigRejection r = rejected(web("cpus", "7"));
        assertEquals("partition 'web': cpus: cpu 7 is not online (online: 0-1)", r.getMessage());
        assertEquals("cpus", r.field());
        assertEquals("web", r.partition());
    }

    @Test
    void aCpuOutsideTheProcesssCpusetIsRejectedWithTheAllowedSet() throws ConfigRejection {
        ConfigRejection r = assertThrows(ConfigRejection.class,
                () -> PartitionConfig.parse(web("cpus", "0-1"), ONLINE, CpuSet.of(0)));
        assertEquals("partition 'web': cpus: cpu 1 is online but not allowed for this process (its cpuset or affinity: 0)",
                r.getMessage());
        assertEquals("0", PartitionConfig.parse(web(), ONLINE, CpuSet.of(0)).cpus().toString());
        assertEquals("0-1", PartitionConfig.parse(web("cpus", "0-1"), ONLINE, CpuSet.empty()).cpus().toString(),
                "an unknown allowed set is not checked");
    }

    @Test
    void malformedCpuListIsRejected() {
        assertEquals("cpus", rejected(web("cpus", "one")).field());
        assertTrue(rejected(web("cpus", "1-0")).reason().contains("'1-0' is not a cpu range"));
    }

    @Test
    void malformedSchedulerFilterIsRejected() {
        ConfigRejection r = rejected(web("scheduler", "(hallows.scheduler=fifo"));
        assertEquals("scheduler", r.field());
        assertTrue(r.reason().contains("is not a valid service filter"), r.reason());
    }

    @Test
    void negativeBudgetsAreRejected() {
        ConfigRejection r = rejected(web("restart.maxRestarts", -1));
        assertEquals("restart.maxRestarts", r.field());
        assertEquals("must not be negative (was -1)", r.reason());
        assertEquals("restart.backoff", rejected(web("restart.backoff", "-5ms")).field());
        assertEquals("restart.window", rejected(web("restart.window", 0)).field());
        assertEquals("restart.maxBackoff", rejected(web("restart.backoff", "10s", "restart.maxBackoff", "1s")).field());
    }

    @Test
    void overflowingNumbersAreRejectedNamingTheFieldAndTheBound() {
        ConfigRejection window = rejected(web("restart.window", "12345678901234567890"));
        assertEquals("restart.window", window.field());
        assertEquals("must be at most 168h (604800000ms) (was 12345678901234567890ms)", window.reason());
        ConfigRejection watchdog = rejected(web("watchdog", "9999999999999999h"));
        assertEquals("watchdog", watchdog.field());
        assertEquals("must be at most 168h (168h) (was 9999999999999999h)", watchdog.reason());
        assertEquals("must be at most 168h (10080m) (was 10081m)", rejected(web("restart.backoff", "10081m")).reason());
        assertTrue(rejected(web("restart.maxBackoff", "9".repeat(400) + "s")).reason().contains("(400 digits)"));
        assertEquals("restart.window", rejected(web("restart.window", Long.MAX_VALUE)).field());
        ConfigRejection restarts = rejected(web("restart.maxRestarts", "99999999999999999999"));
        assertEquals("restart.maxRestarts", restarts.field());
        assertEquals("must be at most 1000000 (was 99999999999999999999)", restarts.reason());
        assertEquals("workers", rejected(web("workers", "4294967297")).field(), "not wrapped to 1");
        assertEquals("must be at most 1000000 (was 18446744073709551617)",
                rejected(web("restart.maxRestarts", new java.math.BigInteger("18446744073709551617"))).reason(), "not wrapped to 1");
        assertEquals("restart.window", rejected(web("restart.window", new java.math.BigDecimal("1e30"))).field());
    }

    @Test
    void theLargestValuesAreAccepted() throws ConfigRejection {
        PartitionConfig c = PartitionConfig.parse(web("watchdog", "168h", "restart.window", 604_800_000L,
                "restart.maxRestarts", "1000000", "restart.maxBackoff", "007m"), ONLINE);
        assertEquals(PartitionConfig.MAX_DURATION, c.watchdog());
        assertEquals(PartitionConfig.MAX_DURATION, c.restart().window());
        assertEquals(1_000_000, c.restart().maxRestarts());
        assertEquals(java.time.Duration.ofMinutes(7), c.restart().maxBackoff());
        assertEquals(3, PartitionConfig.parse(web("restart.maxRestarts", 3.0), ONLINE).restart().maxRestarts());
        assertEquals("'2.5' is not a whole number", rejected(web("restart.maxRestarts", 2.5)).reason());
    }

    @Test
    void missingOrBadNameIsRejected() {
        Map<String, Object> noName = web();
        noName.remove("name");
        assertEquals("name", rejected(noName).field());
        assertEquals("name", rejected(web("name", "Web Tier")).field());
    }

    @Test
    void badGrantIsRejected() {
        ConfigRejection r = rejected(web("grants", new String[] {"service:greeter"}));
        assertEquals("grants", r.field());
        assertTrue(r.reason().contains("expected <kind>:<name> <RIGHTS>"), r.reason());
    }

    @Test
    void backoffDoublesUpToTheMaximum() throws ConfigRejection {
        PartitionConfig c = PartitionConfig.parse(web("restart.backoff", "100ms", "restart.maxBackoff", "350ms"), ONLINE);
        assertEquals(Duration.ofMillis(100), c.restart().delayBefore(1));
        assertEquals(Duration.ofMillis(200), c.restart().delayBefore(2));
        assertEquals(Duration.ofMillis(350), c.restart().delayBefore(3));
        assertEquals(Duration.ofMillis(350), c.restart().delayBefore(40));
    }

    @Test
    void cpuListsRoundTripCanonically() {
        assertEquals("0-3,7", CpuSet.parse("3, 0-2,7").toString());
        assertEquals("1", CpuSet.parse("0-1").intersection(CpuSet.parse("1-2")).toString());
    }
}
