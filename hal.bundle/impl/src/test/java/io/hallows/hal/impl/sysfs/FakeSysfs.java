package io.hallows.hal.impl.sysfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a fake sysfs tree under a temporary directory: files with content, and links as the kernel makes them. */
final class FakeSysfs {
    private final Path root;

    FakeSysfs(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes {@code content} (a newline is added, as sysfs does) to {@code path} under the root. */
    FakeSysfs file(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeSysfs dir(String path) {
        try {
            Files.createDirectories(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code link} a symbolic link to the directory {@code target} (both under the root), creating the target. */
    FakeSysfs link(String link, String target) {
        try {
            Path from = root.resolve(link);
            Path to = root.resolve(target);
            Files.createDirectories(to);
            Files.createDirectories(from.getParent());
            Files.createSymbolicLink(from, from.getParent().relativize(to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
