package io.hallows.dsl.impl.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.FrontEnd;
import io.hallows.dsl.impl.syntax.SyntaxCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code corpus/invalid/NN-name.pt} has its exact diagnostics in {@code NN-name.expected},
 * one formatted diagnostic a line. To rewrite the expectations after a deliberate change, run
 * {@code mvn -o -pl dsl.bundle test -Dtest=GoldenDiagnosticsTest -Dpt.golden.update=true} and
 * review the diff.
 */
class GoldenDiagnosticsTest {
    private static final boolean UPDATE = Boolean.getBoolean("pt.golden.update");

    static Stream<Path> invalidPrograms() {
        return Corpus.programs("invalid").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPrograms")
    void diagnosticsAreExactlyTheExpectedOnes(Path program) throws IOException {
        List<String> actual = FrontEnd.check(Corpus.name(program), Corpus.read(program)).stream()
                .map(Diagnostic::format).toList();
        Path expectedFile = expectedFile(program);
        if (UPDATE) {
            Files.writeString(expectedFile, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
        }
        assertFalse(actual.isEmpty(), program + " is in the invalid corpus but has no diagnostics");
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile + "; run with -Dpt.golden.update=true");
        assertEquals(Corpus.read(expectedFile).lines().toList(), actual, "diagnostics of " + program);
    }

    @Test
    void theCorpusIsLargeAndCoversEverySyntaxCode() {
        assumeFalse(UPDATE, "the expectations are being rewritten");
        List<Path> programs = Corpus.programs("invalid");
        assertTrue(programs.size() >= 20, "at least 20 invalid programs");
        Set<String> seen = new TreeSet<>();
        for (Path program : programs) {
            Path expected = expectedFile(program);
            if (Files.exists(expected)) {
                Corpus.read(expected).lines().forEach(line -> seen.add(line.replaceAll(".*\\[(PT\\d{4})\\].*", "$1")));
            }
        }
        Set<String> missing = new TreeSet<>(Arrays.stream(SyntaxCode.values()).map(SyntaxCode::id).toList());
        missing.removeAll(seen);
        // Nesting beyond 200 levels is no realistic program; ExpressionParserTest covers it.
        missing.remove(SyntaxCode.NESTING_TOO_DEEP.id());
        // Bytes that are not UTF-8 never become text, and the cap needs over 100 errors: SourceTextTest covers both.
        missing.remove(SyntaxCode.INVALID_UTF8.id());
        missing.remove(SyntaxCode.MORE_DIAGNOSTICS.id());
        assertEquals(Set.of(), missing, "syntax codes without a program in corpus/invalid");
    }

    private static Path expectedFile(Path program) {
        String name = Corpus.name(program);
        return program.resolveSibling(name.substring(0, name.length() - ".pt".length()) + ".expected");
    }
}
