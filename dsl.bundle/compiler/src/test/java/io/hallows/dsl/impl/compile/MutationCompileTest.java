package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.Lexer;
import io.hallows.dsl.impl.syntax.Parser;
import io.hallows.dsl.impl.syntax.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker and the generator agree: random token mutations of the valid corpus either get
 * diagnostics from the checker or compile with javac. A program the checker accepts and javac
 * rejects ({@code PT0901}), or any exception, is a compiler bug. Deterministic: input {@code i}
 * comes from seed {@code SEED + i}.
 */
class MutationCompileTest {
    private static final long SEED = Long.getLong("pt.mutation.seed", 100_000L);
    private static final int INPUTS = 2_000;
    private static final List<String> WORDS = List.of("Int", "Float", "Bool", "String", "List", "Map", "Option", "x", "n",
            "count", "+", "-", "*", "/", "%", "==", "<", "and", "or", "not", "1", "2.5", "\"s\"", "true", "none", "some", "return",
            "let", "var", "=", ".", "get", "put", "size", "length", "add", "str", "len", "int", "float", "log");

    @Test
    void everyMutationTheCheckerAcceptsCompiles() throws IOException {
        List<String> programs;
        try (Stream<Path> files = Files.list(Modules.VALID)) {
            programs = files.filter(p -> p.toString().endsWith(".pt") && !Modules.read(p).contains("import service"))
                    .sorted().map(Modules::read).toList();
        }
        JavaModuleCompiler compiler = new JavaModuleCompiler();
        ClassPathLibrary library = new ClassPathLibrary(getClass().getClassLoader());
        int compiled = 0;
        for (int i = 0; i < INPUTS; i++) {
            long seed = SEED + i;
            String source = mutate(programs, new Random(seed));
            if (!Parser.parse("m.pt", source).diagnostics().isEmpty()) {
                continue;
            }
            try {
                ModuleCompiler.Result result = compiler.compile("m.pt", source, name -> java.util.Optional.empty(), library);
                for (Diagnostic d : result.diagnostics()) {
                    if (d.code().startsWith("PT09")) {
                        fail("seed " + seed + ": " + d.format() + "\n---\n" + source);
                    }
                }
                compiled += result.ok() ? 1 : 0;
            } catch (RuntimeException e) {
                fail("seed " + seed + " threw " + e + "\n---\n" + source, e);
            }
        }
        assertTrue(compiled >= 15, "too few mutations compiled to mean anything: " + compiled);
    }

    private static String mutate(List<String> programs, Random random) {
        String source = programs.get(random.nextInt(programs.size()));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<Token> tokens = new ArrayList<>(Lexer.tokenize("m.pt", source, new Diagnostics()));
            tokens.removeLast();
            Token token = tokens.get(random.nextInt(tokens.size()));
            int start = token.pos().offset();
            String replacement = random.nextBoolean() ? tokens.get(random.nextInt(tokens.size())).text()
                    : WORDS.get(random.nextInt(WORDS.size()));
            source = source.substring(0, start) + replacement + source.substring(start + token.text().length());
        }
        return source;
    }
}
