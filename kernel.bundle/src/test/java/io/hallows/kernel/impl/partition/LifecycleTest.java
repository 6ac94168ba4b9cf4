package io.hallows.kernel.impl.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.PartitionState;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    @Test
    void everyApiStateHasItsPlaceInTheTable() {
        for (PartitionState state : PartitionState.values()) {
            assertEquals(state, Lifecycle.of(state).state());
        }
    }

    @Test
    void onlyAReleaseLeavesAHeldState() {
        assertEquals(EnumSet.of(PartitionState.STARTING, PartitionState.STOPPED), Lifecycle.QUARANTINED.successors());
        assertEquals(EnumSet.of(PartitionState.STARTING, PartitionState.QUARANTINED), Lifecycle.STOPPED.successors());
        assertFalse(Lifecycle.RUNNING.mayGoTo(PartitionState.STARTING), "a running partition restarts through restarting");
        assertFalse(Lifecycle.DECLARED.mayGoTo(PartitionState.RUNNING), "nothing runs without starting");
        assertTrue(Lifecycle.RESTARTING.mayGoTo(PartitionState.RESTARTING), "an operator's restart replaces a pending one");
    }

    @Test
    void setStateRefusesAnIllegalOrStaleChangeAndKeepsTheState() throws ConfigRejection {
        Partition p = new Partition("pid", PartitionConfig.parse(Map.of("name", "web", "cpus", "0"), CpuSet.parse("0")));
        IllegalStateException illegal = assertThrows(IllegalStateException.class,
                () -> p.setState(PartitionState.DECLARED, PartitionState.RUNNING));
        assertEquals("partition 'web' is declared and cannot become running (from declared it may become starting, "
                + "quarantined, stopped)", illegal.getMessage());
        long first = p.setState(PartitionState.DECLARED, PartitionState.STARTING);
        IllegalStateException stale = assertThrows(IllegalStateException.class,
                () -> p.setState(PartitionState.DECLARED, PartitionState.STOPPED));
        assertEquals("partition 'web' is starting, not declared: it cannot become stopped", stale.getMessage());
        assertEquals(PartitionState.STARTING, p.state());
        assertEquals(first, p.transitions());
    }
}
