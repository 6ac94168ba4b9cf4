package io.hallows.dsl.impl.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The corpus of Parseltongue programs under {@code src/test/resources/corpus}, read from the source tree. */
final class Corpus {
    static final Path ROOT = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "corpus");

    private Corpus() {
    }

    /** The {@code .pt} files of {@code folder} ({@code valid} or {@code invalid}), by name. */
    static List<Path> programs(String folder) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }
}
