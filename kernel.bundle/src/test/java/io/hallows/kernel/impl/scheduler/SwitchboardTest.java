package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.ExitReason;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The switchboard's states and moves are declared once and enforced: a move out of turn is refused. */
class SwitchboardTest {
    private final TestPolicies policies = new TestPolicies().with("lifo", TestPolicies.Lifo::new);
    private final SwapProtocol protocol = new SwapProtocol(policies);

    @Test
    void movesAreLegalOnlyInTheirTurnAndUnderAHold() throws Exception {
        Switchboard board = new Switchboard();
        Lane lane = new Lane(new PartitionRuntime(TestPolicies.config(1, "30s"), (l, d) -> { }), 2, policies.fifo(), 1);
        assertThrows(IllegalStateException.class, () -> board.install(lane), "outside a hold");
        try (Switchboard.Held held = board.hold()) {
            Lane next = new Lane(new PartitionRuntime(TestPolicies.config(1, "30s"), (l, d) -> { }), 3, policies.fifo(), 1);
            assertThrows(IllegalStateException.class, () -> board.switchTo(next), "nothing to switch from yet");
            board.install(lane);
            assertEquals(Switchboard.State.SERVING, board.state());
            assertSame(lane, board.active());
            assertSame(lane, board.target());
            assertThrows(IllegalStateException.class, () -> board.install(lane), "installed once");
            board.switchTo(next);
            assertEquals(Switchboard.State.SWITCHING, board.state());
            assertSame(next, board.active(), "the fence: the new lane is active at once");
            assertSame(next, board.target(), "and new submissions go to it");
            assertThrows(IllegalStateException.class, () -> board.switchTo(lane), "already switching");
            board.finish();
            assertEquals(Switchboard.State.SERVING, board.state());
        }
        assertEquals(policies.fifo(), board.previous());
    }

    @Test
    void aClosedPartitionSwitchesNoMoreAndRefusesTasks() throws Exception {
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(1, "30s"), (l, d) -> { });
        protocol.start(runtime, policies.fifo());
        assertEquals("fifo", protocol.swap(runtime, null, TestPolicies.choice("lifo"), ExitReason.OPERATOR, "t", true).from()
                .split("@")[0]);
        assertEquals(policies.fifo(), runtime.switchboard().previous(), "the choice to roll back to");
        runtime.close();
        assertEquals(Switchboard.State.CLOSED, runtime.switchboard().state());
        assertNull(protocol.swap(runtime, null, policies.fifo(), ExitReason.OPERATOR, "t", true), "no switch after close");
        assertThrows(RejectedExecutionException.class, () -> runtime.execute(() -> { }));
        runtime.close(); // twice: nothing more happens
        assertTrue(runtime.switchboard().state() == Switchboard.State.CLOSED);
    }
}
