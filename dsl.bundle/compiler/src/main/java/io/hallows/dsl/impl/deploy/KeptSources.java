package io.hallows.dsl.impl.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last source deployed of each module, kept as {@code <folder>/<module>/<file>} in the stack's
 * data area ({@code <hallows.data>/parseltongue/modules}, else this bundle's), so a restarted deployer
 * or a restarted stack redeploys what was running.
 * A null folder (no file system for the framework) keeps nothing.
 */
final class KeptSources {
    /** One kept module: the file it was deployed from, and its text. */
    record Kept(String module, String file, String source) {
    }

    private final Path folder;

    KeptSources(Path folder) {
        this.folder = folder;
    }

    void save(String module, String file, String source) {
        if (folder == null) {
            return;
        }
        try {
            remove(module);
            Path dir = Files.createDirectories(folder.resolve(module));
            Files.writeString(dir.resolve(Path.of(file).getFileName().toString()), source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the source of module " + module + " in " + folder, e);
        }
    }

    void remove(String module) {
        if (folder == null || !Files.isDirectory(folder.resolve(module))) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder.resolve(module))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget the source of module " + module + " in " + folder, e);
        }
    }

    List<Kept> all() {
        List<Kept> kept = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return kept;
        }
        try (Stream<Path> modules = Files.list(folder)) {
            for (Path dir : modules.sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        kept.add(new Kept(dir.getFileName().toString(), f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept sources in " + folder, e);
        }
        return kept;
    }
}
