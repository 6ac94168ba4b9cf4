package io.hallows.kernel.impl.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on the data area, held from kernel start to stop. The operating system drops
 * it when the process dies (SIGKILL included), so a killed stack never leaves a stale lock; the
 * file says which process holds it, for the error a second stack gets.
 */
final class DataLock implements AutoCloseable {
    static final String FILE = "hallows.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Object key;

    private DataLock(Path file, FileChannel channel, FileLock lock) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    static DataLock acquire(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already: another framework in the same process
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IOException("data area " + file.getParent() + " is in use by another stack (" + holder
                    + "); stop it, or give this stack another folder with hallows.data / HALLOWS_DATA");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new DataLock(file, channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer text = ByteBuffer.allocate(200);
            channel.read(text, 0);
            String said = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
            return said.isEmpty() ? "holder unknown" : said;
        } catch (IOException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    /** Null while the lock file is the one locked; else what happened to it. */
    String problem() {
        try {
            Object now = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key == null || key.equals(now) ? null : "the lock file " + file + " was replaced: another stack may use the data area";
        } catch (NoSuchFileException e) {
            return "the lock file " + file + " was deleted: another stack could take the data area";
        } catch (IOException e) {
            return "the lock file " + file + " cannot be read: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock anyway; the process is stopping the kernel.
        }
    }
}
