package io.hallows.dsl.impl.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.FrontEnd;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program of {@code corpus/valid} passes the front end without a diagnostic. */
class ValidCorpusTest {
    static Stream<Path> validPrograms() {
        return Corpus.programs("valid").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPrograms")
    void hasNoDiagnostics(Path program) {
        String source = Corpus.read(program);
        assertTrue(source.startsWith("//"), program + " starts with a comment saying what it does");
        List<String> diagnostics = FrontEnd.check(Corpus.name(program), source).stream()
                .map(Diagnostic::format).toList();
        assertEquals(List.of(), diagnostics);
    }

    @Test
    void thereAreAtLeastTenPrograms() {
        assertTrue(Corpus.programs("valid").size() >= 10);
    }
}
