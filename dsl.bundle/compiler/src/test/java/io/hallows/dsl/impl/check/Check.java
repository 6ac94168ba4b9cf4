package io.hallows.dsl.impl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.FrontEnd;
import java.util.List;

/** Runs the front end on small modules and asserts on their diagnostics. */
final class Check {
    private Check() {
    }

    /** {@code body} after a module header, on line 2. */
    static String module(String body) {
        return "module m version \"1\";\n" + body;
    }

    /** The diagnostics of {@code source}, checked on its own, as {@code line:column CODE message}. */
    static List<String> diagnostics(String source) {
        return diagnostics(FrontEnd.check("m.pt", source));
    }

    static List<String> diagnostics(List<Diagnostic> list) {
        return list.stream().map(d -> d.line() + ":" + d.column() + " " + d.code() + " " + d.message()).toList();
    }

    static void clean(String source) {
        assertEquals(List.of(), diagnostics(source));
    }

    /** Exactly one diagnostic, with {@code code}, whose message contains {@code fragment}. */
    static String one(String source, String code, String fragment) {
        return one(diagnostics(source), code, fragment);
    }

    static String one(List<String> found, String code, String fragment) {
        assertEquals(1, found.size(), () -> "expected one " + code + ", found " + found);
        String d = found.getFirst();
        assertTrue(d.contains(" " + code + " ") && d.contains(fragment), () -> "expected " + code + " with '" + fragment + "', found " + d);
        return d;
    }
}
