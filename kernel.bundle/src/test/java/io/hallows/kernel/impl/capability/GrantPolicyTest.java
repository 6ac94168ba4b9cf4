package io.hallows.kernel.impl.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantPolicyTest {
    private final GrantPolicy policy = GrantPolicy.parse(List.of(
            "com.vendor.* service:greeter CALL,READ",
            "io.hallows.db.* partition:db* ADMIN"));

    @Test
    void allowsOnlyMatchingBundleResourceAndRights() {
        assertNotNull(policy.allowedBy("com.vendor.shop", Resource.service("greeter"), Set.of(Right.CALL)));
        assertNotNull(policy.allowedBy("com.vendor.shop", Resource.service("greeter"), Set.of(Right.CALL, Right.READ)));
        assertNull(policy.allowedBy("com.vendor.shop", Resource.service("greeter"), Set.of(Right.CALL, Right.WRITE)));
        assertNull(policy.allowedBy("com.other", Resource.service("greeter"), Set.of(Right.CALL)));
        assertNull(policy.allowedBy("com.vendor.shop", Resource.service("billing"), Set.of(Right.CALL)));
        assertNotNull(policy.allowedBy("io.hallows.db.oltp", new Resource("partition", "db-main"), Set.of(Right.ADMIN)));
        assertNull(policy.allowedBy("io.hallows.db.oltp", new Resource("service", "db-main"), Set.of(Right.ADMIN)));
    }

    @Test
    void aRuleWithALocationAllowsOnlyBundlesTheStackInstalledFromThere() {
        GrantPolicy pinned = GrantPolicy.parse(List.of("com.vendor.reports@file:/opt/vendor/* service:kernel.audit CALL"));
        Resource audit = Resource.service("kernel.audit");
        assertNotNull(pinned.allowedBy("com.vendor.reports", "file:/opt/vendor/reports.jar", audit, Set.of(Right.CALL)));
        assertNull(pinned.allowedBy("com.vendor.reports", "file:/tmp/reports.jar", audit, Set.of(Right.CALL)), "elsewhere");
        assertNull(pinned.allowedBy("com.vendor.reports", audit, Set.of(Right.CALL)), "not installed by the stack");
        assertNull(pinned.allowedBy("com.vendor.other", "file:/opt/vendor/reports.jar", audit, Set.of(Right.CALL)));
        assertEquals("com.vendor.reports@file:/opt/vendor/* service:kernel.audit [CALL]",
                pinned.allowedBy("com.vendor.reports", "file:/opt/vendor/r.jar", audit, Set.of(Right.CALL)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GrantPolicy.parse(List.of("a.*@ service:x CALL")))
                .getMessage().contains("is not <name-pattern>@<location-pattern>"));
    }

    @Test
    void emptyPolicyDeniesEverything() {
        assertNull(GrantPolicy.denyAll().allowedBy("any", Resource.service("greeter"), Set.of(Right.CALL)));
    }

    @Test
    void badRulesAreNamedByPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrantPolicy.parse(List.of("a.* service:x CALL", "a.* service:x FLY")));
        assertTrue(e.getMessage().startsWith("policy rule 2: unknown right 'FLY'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GrantPolicy.parse(List.of("a.* CALL")));
        assertTrue(e.getMessage().contains("three parts"), e.getMessage());
    }

    @Test
    void requestHeaderParsesClausesWithQuotedRights() {
        List<CapabilityRequest> requests = CapabilityRequest.parseHeader(
                "service:greeter;rights:=\"CALL,READ\", partition:web;rights=ADMIN, topic:orders");
        assertEquals(3, requests.size());
        assertEquals(new CapabilityRequest(Resource.service("greeter"), Set.of(Right.CALL, Right.READ)), requests.get(0));
        assertEquals(Set.of(Right.ADMIN), requests.get(1).rights());
        assertEquals(Set.of(Right.CALL), requests.get(2).rights(), "CALL when no rights are given");
    }

    @Test
    void malformedRequestHeaderIsExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapabilityRequest.parseHeader("service:x;colour=red"))
                .getMessage().contains("unknown attribute 'colour=red'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapabilityRequest.parseHeader("service:x;rights:=\"CALL"))
                .getMessage().contains("unbalanced quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapabilityRequest.parseHeader("nocolon"))
                .getMessage().contains("is not a resource"));
    }
}
