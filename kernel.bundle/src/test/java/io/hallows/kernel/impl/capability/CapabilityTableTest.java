package io.hallows.kernel.impl.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityTableTest {
    private final AuditJournal audit = AuditJournal.inMemory();
    private final CapabilityTable table = new CapabilityTable(audit);


    @Test
    void grantsAreHeldPerBundleAndAudited() {
        Capability cap = table.grant(Resource.service("greeter"), Set.of(Right.CALL), 7, "client", "stack:web");
        assertEquals(List.of(cap), table.heldBy(7));
        assertTrue(table.find(7, Resource.service("greeter"), Right.CALL).isPresent());
        assertFalse(table.find(7, Resource.service("greeter"), Right.WRITE).isPresent());
        assertFalse(table.find(8, Resource.service("greeter"), Right.CALL).isPresent());
        List<String> actions = audit.recent(10).stream().map(AuditEntry::action).toList();
        assertEquals(List.of("mint", "grant"), actions);
        assertEquals("stack:web", audit.recent(1).get(0).actor());
    }

    @Test
    void revokingTheRootTakesEveryGrantAway() {
        table.grant(Resource.service("greeter"), Set.of(Right.CALL), 7, "a", "shell");
        table.grant(Resource.service("greeter"), Set.of(Right.CALL, Right.READ), 8, "b", "shell");
        table.root(Resource.service("greeter")).revoke();
        assertTrue(table.heldBy(7).isEmpty());
        assertTrue(table.heldBy(8).isEmpty());
        assertTrue(table.all().isEmpty());
        assertEquals(3, audit.recent(100).stream().filter(e -> e.action().equals("revoke")).count());
    }

    @Test
    void forgottenBundleLosesItsCapabilities() {
        Capability cap = table.grant(Resource.service("greeter"), Set.of(Right.CALL), 7, "a", "shell");
        table.forget(7);
        assertFalse(cap.isValid());
        assertFalse(table.isLive(cap));
    }
}
