package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.check.CheckCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus through the whole compiler: every valid program compiles with its imports resolved
 * (modules of the corpus, Java interfaces of the test class path) and no diagnostic; the invalid
 * programs exercise every checker code that a file checked on its own can produce.
 */
class CorpusCompileTest {
    private static final Path INVALID = Modules.VALID.resolveSibling("invalid");
    /** Codes only a resolved import can produce; {@code ImportsCheckTest} covers them. */
    private static final Set<String> IMPORT_CODES = Set.of("PT0205", "PT0208", "PT0308");

    static Stream<String> validModules() throws IOException {
        Pattern header = Pattern.compile("(?m)^module\\s+([\\w.]+)");
        try (Stream<Path> files = Files.list(Modules.VALID)) {
            return files.filter(p -> p.toString().endsWith(".pt")).sorted().map(Modules::read).map(s -> {
                Matcher m = header.matcher(s);
                m.find();
                return m.group(1);
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validModules")
    void compilesWithoutDiagnostics(String module) {
        ModuleCompiler.Result result = new Modules().result(module);
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList());
        CompiledModule compiled = result.module();
        assertEquals(module, compiled.name());
        assertTrue(compiled.apiClasses().keySet().stream().allMatch(c -> c.startsWith("pt." + module + ".api.")));
        assertTrue(compiled.implClasses().keySet().stream().allMatch(c -> c.startsWith("pt." + module + ".impl.")));
        assertEquals(12, compiled.apiHash().length());
        assertEquals(12, compiled.sourceHash().length());
    }

    @Test
    void invalidProgramsCoverEveryCheckerCode() throws IOException {
        Set<String> seen = new TreeSet<>();
        List<Path> expected;
        try (Stream<Path> files = Files.list(INVALID)) {
            expected = files.filter(p -> p.toString().endsWith(".expected")).toList();
        }
        assertTrue(expected.size() >= 30, "at least 30 invalid programs");
        for (Path file : expected) {
            Files.readAllLines(file).forEach(line -> seen.add(line.replaceAll(".*\\[(PT\\d{4})\\].*", "$1")));
        }
        Set<String> missing = new TreeSet<>(Arrays.stream(CheckCode.values()).map(CheckCode::id).toList());
        missing.removeAll(seen);
        missing.removeAll(IMPORT_CODES);
        assertEquals(Set.of(), missing, "checker codes without a program in corpus/invalid");
    }
}
