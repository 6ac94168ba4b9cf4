package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.api.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compiler's contract: what a compiled module holds, hashes, and never throwing. */
class JavaModuleCompilerTest {
    private static final String COUNTER = Modules.read(Modules.VALID.resolve("02-counter.pt"));
    private final JavaModuleCompiler compiler = new JavaModuleCompiler();
    private final ClassPathLibrary library = new ClassPathLibrary(getClass().getClassLoader());

    private ModuleCompiler.Result compile(String source) {
        return compiler.compile("counters.pt", source, name -> Optional.empty(), library);
    }

    @Test
    void aCompiledModuleHasItsServicesApiAndSources() {
        CompiledModule m = compile(COUNTER).module();
        assertEquals("counters", m.name());
        assertEquals("1.0.0", m.version());
        assertEquals(List.of(new CompiledModule.ServiceSpec("Counter", "pt.counters.api.Counter", "pt.counters.impl.CounterImpl")),
                m.services());
        assertEquals(List.of("pt.counters.api.Counter"), List.copyOf(m.apiClasses().keySet()));
        assertEquals(List.of("pt.counters.impl.CounterImpl"), List.copyOf(m.implClasses().keySet()));
        assertEquals(List.of(), m.imports());
        String impl = m.javaSource().get("pt/counters/impl/CounterImpl.java");
        assertTrue(impl.contains("this.count.update($count -> io.hallows.dsl.runtime.PtMath.add(((long) $count), by));"), impl);
        assertTrue(impl.contains("this.count.set(bound);"), impl);
        assertTrue(impl.contains("\"Counter.count\", \"Int\", () -> 0L"), impl);
    }

    @Test
    void theApiHashChangesWithThePublicSurfaceOnly() {
        CompiledModule before = compile(COUNTER).module();
        CompiledModule body = compile(COUNTER.replace("count = count + by;", "count = by + count;")).module();
        CompiledModule surface = compile(COUNTER.replace("op current(): Int {", "op current2(): Int {")).module();
        assertEquals(before.apiHash(), body.apiHash());
        assertNotEquals(before.sourceHash(), body.sourceHash());
        assertNotEquals(before.apiHash(), surface.apiHash());
        assertEquals(before.apiHash(), compile(COUNTER).module().apiHash(), "reproducible");
    }

    @Test
    void importsNameOtherModulesApiAndJavaPackages() {
        Modules modules = new Modules();
        assertEquals(List.of("pt.shop.api"), modules.compile("checkout").imports());
        assertEquals(List.of("io.hallows.kernel.api"), modules.compile("ops").imports());
    }

    /**
     * A single statement too large for one Java method (a large body is split between its
     * top-level statements, but a nested block stays whole): javac's complaint is a PT0901 at the
     * statement's line in the .pt file, not line 1.
     */
    @Test
    void javacsComplaintsNameTheParseltongueLine() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append("            x = x * 3 + 7;\n");
        }
        String source = "module big version \"1.0.0\";\n\nservice Big {\n    op small(): Int {\n        return 1;\n    }\n\n"
                + "    op huge(): Int {\n        var x = 0;\n        if x == 0 {\n" + body + "        }\n        return x;\n    }\n}\n";
        ModuleCompiler.Result result = compiler.compile("big.pt", source, name -> Optional.empty(), library);
        assertFalse(result.ok());
        Diagnostic tooLarge = result.diagnostics().getFirst();
        assertEquals("PT0901", tooLarge.code());
        assertTrue(tooLarge.message().contains("code too large"), tooLarge.message());
        assertEquals(10, tooLarge.line(), "the line of the 'if': " + tooLarge.format());
    }

    @Test
    void programErrorsAreDiagnosticsAndNoModule() {
        ModuleCompiler.Result result = compile(COUNTER.replace("count = 0;", "count = \"zero\";"));
        assertFalse(result.ok());
        assertEquals(List.of("counters.pt:31:17: error[PT0301]: type mismatch in the assignment to 'count': expected Int, found String"),
                result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void javacRejectingGeneratedCodeIsReportedAsACompilerBug() {
        ClassLibrary empty = packageName -> List.of();
        ModuleCompiler.Result result = compiler.compile("counters.pt", COUNTER, name -> Optional.empty(), empty);
        assertNull(result.module());
        assertFalse(result.diagnostics().isEmpty());
        Diagnostic first = result.diagnostics().getFirst();
        assertEquals("PT0901", first.code());
        assertTrue(first.message().startsWith("internal compiler error (a bug in Parseltongue, please report it): javac rejected"
                + " the generated pt/counters/impl/CounterImpl.java:"), first.message());
    }

    @Test
    void neverThrows() {
        ModuleCompiler.Result result = compiler.compile("c.pt", "module c version \"1\";\nimport service X from other;\n", name -> {
            throw new IllegalStateException("store unavailable");
        }, library);
        assertEquals("PT0900", result.diagnostics().getFirst().code());
        assertTrue(result.diagnostics().getFirst().message().contains("store unavailable"));
    }
}
