package io.hallows.dsl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
    @Test
    void formatsLikeACompiler() {
        assertEquals("shop.pt:12:7: error[PT0203]: unknown type 'Ordr' (did you mean 'Order'?)",
                new Diagnostic("shop.pt", 12, 7, Severity.ERROR, "PT0203", "unknown type 'Ordr' (did you mean 'Order'?)")
                        .format());
        assertEquals("a.pt:1:1: warning[PT0401]: unused", new Diagnostic("a.pt", 1, 1, Severity.WARNING, "PT0401",
                "unused").format());
    }

    @Test
    void positionsAreOneBased() {
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic("a.pt", 0, 1, Severity.ERROR, "PT0101", "x"));
        assertThrows(NullPointerException.class, () -> new Diagnostic(null, 1, 1, Severity.ERROR, "PT0101", "x"));
    }
}
