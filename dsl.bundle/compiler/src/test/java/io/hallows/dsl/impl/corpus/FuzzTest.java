package io.hallows.dsl.impl.corpus;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.FrontEnd;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.Lexer;
import io.hallows.dsl.impl.syntax.Parser;
import io.hallows.dsl.impl.syntax.Token;
import io.hallows.dsl.impl.syntax.TokenKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random token soups and random mutations of the valid corpus: the front end must end on each,
 * never throw, and place every diagnostic inside the source. Deterministic: input {@code i} of a
 * batch is generated from {@code seed + i}; a failure names the seed and the input. Another run:
 * {@code -Dpt.fuzz.seed=<n>}.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("pt.fuzz.seed", 0x5EED_0F_B0A7L);
    private static final int BATCH = 1000;
    private static final Duration BATCH_BOUND = Duration.ofSeconds(10);

    private static final List<String> VOCABULARY = Stream.concat(
            Arrays.stream(TokenKind.values()).map(TokenKind::text).filter(t -> t != null),
            Stream.of("x", "Order", "as", "sku", "0", "1_000", "2.5e3", "\"s\"", "99999999999999999999", "1e5",
                    "#", "&&", "!", "'", "\\", "\"open", "/*", "*/", "//", "é", "\t", "\n", "\r\n", "\"\\q\""))
            .toList();
    private static final List<String> VALID = Corpus.programs("valid").stream().map(Corpus::read).toList();

    @Test
    void tokenSoups() {
        run(0, random -> {
            StringBuilder soup = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                soup.append(pick(random, VOCABULARY)).append(random.nextInt(4) == 0 ? "" : " ");
            }
            return (random.nextBoolean() ? "module m version \"1\";\n" : "") + soup;
        });
    }

    @Test
    void tokenMutationsOfTheValidCorpus() {
        run(1, random -> {
            String source = pick(random, VALID);
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                source = mutateTokens(source, random);
            }
            return source;
        });
    }

    @Test
    void characterMutationsOfTheValidCorpus() {
        run(2, random -> {
            StringBuilder source = new StringBuilder(pick(random, VALID));
            for (int n = 1 + random.nextInt(4); n > 0 && !source.isEmpty(); n--) {
                int at = random.nextInt(source.length());
                switch (random.nextInt(4)) {
                    case 0 -> source.deleteCharAt(at);
                    case 1 -> source.insert(at, pick(random, List.of("{", "}", "(", ")", ";", ",", "\"", "<", ">",
                            "=", ":", ".", "@", "/", "*", "\n", "_", "9", "\\")));
                    case 2 -> source.insert(at, source.substring(at, Math.min(source.length(), at + random.nextInt(40))));
                    default -> source.delete(at, Math.min(source.length(), at + random.nextInt(40)));
                }
            }
            return source.toString();
        });
    }

    private static String mutateTokens(String source, Random random) {
        List<Token> tokens = new ArrayList<>(Lexer.tokenize("m.pt", source, new Diagnostics()));
        tokens.removeLast();
        if (tokens.size() < 2) {
            return source + " " + pick(random, VOCABULARY);
        }
        int i = random.nextInt(tokens.size());
        Token token = tokens.get(i);
        int start = token.pos().offset();
        int end = start + token.text().length();
        return switch (random.nextInt(4)) {
            case 0 -> source.substring(0, start) + source.substring(end);
            case 1 -> source.substring(0, end) + " " + token.text() + source.substring(end);
            case 2 -> source.substring(0, start) + " " + pick(random, VOCABULARY) + " " + source.substring(start);
            default -> {
                Token other = tokens.get(random.nextInt(tokens.size()));
                if (other.pos().offset() <= end) {
                    yield source.substring(0, start) + source.substring(end);
                }
                int otherStart = other.pos().offset();
                int otherEnd = otherStart + other.text().length();
                yield source.substring(0, start) + other.text() + source.substring(end, otherStart) + token.text()
                        + source.substring(otherEnd);
            }
        };
    }

    /** Runs one batch of {@link #BATCH} inputs from {@code generator}; {@code stream} separates the batches' seeds. */
    private static void run(int stream, Function<Random, String> generator) {
        long base = SEED + stream * 1_000_003L;
        assertTimeoutPreemptively(BATCH_BOUND, () -> {
            for (int i = 0; i < BATCH; i++) {
                long seed = base + i;
                String source = generator.apply(new Random(seed));
                try {
                    check(source);
                } catch (Throwable e) {
                    fail("input from seed " + seed + " (-Dpt.fuzz.seed=" + SEED + ", batch " + stream + ", input " + i
                            + ") failed: " + e + "\n---\n" + source + "\n---", e);
                }
            }
        }, () -> "batch " + stream + " of seed " + SEED + " took longer than " + BATCH_BOUND);
    }

    private static void check(String source) {
        List<Diagnostic> diagnostics = FrontEnd.check("m.pt", source);
        assertNotNull(Parser.parse("m.pt", source).module());
        List<String> lines = Arrays.asList(source.split("\r\n|\r|\n", -1));
        for (Diagnostic d : diagnostics) {
            assertTrue(d.line() <= lines.size(), () -> d.format() + ": line beyond the source");
            String line = lines.get(d.line() - 1);
            assertTrue(d.column() <= line.codePointCount(0, line.length()) + 1,
                    () -> d.format() + ": column beyond its line");
        }
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
