package io.hallows.kernel.impl.audit;

import io.hallows.kernel.api.AuditEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The audit log on disk: one line per entry ({@code time TAB sequence TAB actor TAB action TAB
 * target TAB detail}), appended with a plain write (in the page cache at once, so a killed process
 * loses nothing) and forced to the device by {@link #force()} (every second by the kernel, and at
 * close). Past {@value #ROTATE_BYTES} bytes the file is renamed {@code audit.log.1} (older ones
 * shift up to {@code .}{@value #KEPT_FILES}) and a new one begun. A file deleted or replaced
 * behind the kernel's back is noticed by {@link #problem()} and recreated, never written blind.
 */
final class AuditFile implements AutoCloseable {
    static final long ROTATE_BYTES = 16L * 1024 * 1024;
    static final int KEPT_FILES = 4;
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    private final Path path;
    private final long rotateBytes;
    private FileChannel channel;
    private Object key;
    private boolean unforced;

    private AuditFile(Path path, long rotateBytes) throws IOException {
        this.path = path;
        this.rotateBytes = rotateBytes;
        open();
    }

    static AuditFile open(Path path) throws IOException {
        return open(path, ROTATE_BYTES);
    }

    /** With another rotation size (tests). */
    static AuditFile open(Path path, long rotateBytes) throws IOException {
        Files.createDirectories(path.getParent());
        return new AuditFile(path, rotateBytes);
    }

    private void open() throws IOException {
        if (!Files.exists(path)) {
            Files.createFile(path, OWNER_ONLY);
        }
        boolean torn = endsTorn(path);
        channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        if (torn) {
            // A crash mid-write left a line without its end: end it, so the next entry starts a line of its own.
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
    }

    private static boolean endsTorn(Path path) throws IOException {
        try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = read.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    synchronized void append(AuditEntry e) throws IOException {
        ByteBuffer line = StandardCharsets.UTF_8.encode(e.time() + "\t" + e.sequence() + "\t" + field(e.actor()) + "\t"
                + field(e.action()) + "\t" + field(e.target()) + "\t" + field(e.detail()) + "\n");
        if (channel.size() > 0 && channel.size() + line.remaining() > rotateBytes) {
            rotate();
        }
        while (line.hasRemaining()) {
            channel.write(line);
        }
        unforced = true;
    }

    /**
     * Forces what was appended to the device. Not under the append lock: a device flush must not hold
     * up every auditor; a rotation closing the channel meanwhile has forced it itself.
     */
    void force() throws IOException {
        FileChannel current;
        synchronized (this) {
            if (!unforced) {
                return;
            }
            unforced = false;
            current = channel;
        }
        try {
            current.force(false);
        } catch (java.nio.channels.ClosedChannelException rotatedMeanwhile) {
            // rotate() forced the old file before closing it
        }
    }

    /**
     * Null while the file written is the one at its path; else says what happened and starts a new
     * file there (if the folder is still there), so later entries are kept.
     */
    synchronized String problem() {
        if (!channel.isOpen()) {
            try {
                open();
                return "audit log " + path + " could not be written (a rotation failed); a new file was started";
            } catch (IOException e) {
                return "audit log " + path + " cannot be opened: " + e.getMessage() + "; entries are in memory only";
            }
        }
        try {
            Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (key == null || key.equals(now)) {
                return null;
            }
        } catch (NoSuchFileException e) {
            // handled below
        } catch (IOException e) {
            return "audit log " + path + " cannot be read: " + e.getMessage();
        }
        String problem = "audit log " + path + " was deleted or replaced while the stack ran; entries since are in memory only";
        try {
            channel.close();
            open();
            return problem + " until now: a new file was started";
        } catch (IOException e) {
            return problem + " (" + e.getMessage() + ")";
        }
    }

    private void rotate() throws IOException {
        channel.force(false);
        channel.close();
        for (int i = KEPT_FILES - 1; i >= 1; i--) {
            Path older = sibling(i);
            if (Files.exists(older)) {
                Files.move(older, sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(path, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path sibling(int generation) {
        return path.resolveSibling(path.getFileName() + "." + generation);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            force();
        } finally {
            channel.close();
        }
    }

    /** The last {@code count} entries of the file at {@code path} (none if it does not exist); lines it cannot read are skipped. */
    static List<AuditEntry> tail(Path path, int count) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        ArrayDeque<AuditEntry> last = new ArrayDeque<>();
        // Bytes that are not UTF-8 (a torn or damaged line) are replaced, and a line that does not parse
        // is skipped: a damaged log must never keep the kernel from starting.
        java.nio.charset.CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(path), lenient))) {
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                AuditEntry e = parse(l);
                if (e != null) {
                    if (last.size() == count) {
                        last.removeFirst();
                    }
                    last.addLast(e);
                }
            }
        }
        return List.copyOf(last);
    }

    private static AuditEntry parse(String line) {
        String[] f = line.split("\t", 6);
        if (f.length != 6) {
            return null; // a line torn by a crash mid-write
        }
        try {
            return new AuditEntry(Long.parseLong(f[1]), Instant.parse(f[0]), f[2], f[3], f[4], f[5]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
