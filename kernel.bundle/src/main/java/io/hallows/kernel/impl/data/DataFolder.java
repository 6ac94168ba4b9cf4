package io.hallows.kernel.impl.data;

import io.hallows.kernel.api.DataArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stack's data area on disk: the folder, created owner-only, and the lock that keeps a second
 * stack out while this one runs. {@link #problem()} looks at the disk each time it is asked.
 */
public final class DataFolder implements DataArea, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    /** Folders the stack itself keeps in the data area: no layer may be handed one of them. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("audit", "framework", "parseltongue");

    private final Path root;
    private final DataLock lock;

    private DataFolder(Path root, DataLock lock) {
        this.root = root;
        this.lock = lock;
    }

    /**
     * Creates {@code root} if needed and locks it.
     *
     * @throws IOException if it cannot be created or another stack holds it, saying which and who
     */
    public static DataFolder open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            createOwnerOnly(absolute);
        } catch (IOException e) {
            throw new IOException("data area " + absolute + ": cannot create it: " + e.getMessage()
                    + " (choose another folder with " + DataArea.PROPERTY + " / HALLOWS_DATA)", e);
        }
        if (!Files.isWritable(absolute)) {
            throw new IOException("data area " + absolute + " is not writable by this user");
        }
        return new DataFolder(absolute, DataLock.acquire(absolute.resolve(DataLock.FILE)));
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path directory(String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a data folder name (lower-case letters, digits, '.', '-';"
                    + " starting with a letter; at most 64)");
        }
        if (RESERVED.contains(name) || name.startsWith("framework-")) {
            throw new IllegalArgumentException("'" + name + "' is the stack's own folder in the data area (reserved: "
                    + String.join(", ", new java.util.TreeSet<>(RESERVED)) + ", framework-*)");
        }
        Path dir = root.resolve(name);
        createOwnerOnly(dir);
        return dir;
    }

    @Override
    public String problem() {
        if (!Files.isDirectory(root)) {
            return "data area " + root + " is gone: nothing written there is kept";
        }
        if (!Files.isWritable(root)) {
            return "data area " + root + " is no longer writable";
        }
        return lock.problem();
    }

    @Override
    public void close() {
        lock.close();
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(Objects.requireNonNull(dir))) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its own defaults apply.
            }
        }
    }
}
