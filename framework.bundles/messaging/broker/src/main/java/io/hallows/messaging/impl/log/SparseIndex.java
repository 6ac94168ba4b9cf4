package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A segment's sparse index: entries of a strictly increasing key and a value, in memory for lookups
 * and appended to a file of 12-byte entries (key as a long, value as an int). The offset index maps
 * a batch's offset relative to the segment's base to its byte position; the time index maps the
 * largest timestamp so far to the relative offset of the batch that holds it.
 *
 * <p>Not thread-safe: owned by its segment's partition task. The file is not forced with each entry
 * (the last segment's indexes are rebuilt at recovery); it is forced when the segment is rolled and
 * closed.
 */
final class SparseIndex implements AutoCloseable {
    static final int ENTRY_BYTES = 12;

    private final Path file;
    private FileChannel channel;
    private long[] keys = new long[16];
    private int[] values = new int[16];
    private int size;
    private final ByteBuffer pending = ByteBuffer.allocate(ENTRY_BYTES * 64);

    private SparseIndex(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A new, empty index (replacing what the file held). */
    static SparseIndex create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new SparseIndex(file, channel);
    }

    /**
     * The index in {@code file}, or null when it is missing or not sane: its length is not a whole
     * number of entries, its keys do not increase, or a value is outside {@code [0, valueLimit)}.
     * Only for a segment that is no longer appended to: the index is read, its file left closed.
     */
    static SparseIndex load(Path file, int valueLimit) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) % ENTRY_BYTES != 0) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        SparseIndex index = new SparseIndex(file, null);
        while (buffer.hasRemaining()) {
            long key = buffer.getLong();
            int value = buffer.getInt();
            if (value < 0 || value >= valueLimit || (index.size > 0 && key <= index.keys[index.size - 1])) {
                return null;
            }
            index.add(key, value);
        }
        return index;
    }

    int size() {
        return size;
    }

    long lastKey() {
        return size == 0 ? Long.MIN_VALUE : keys[size - 1];
    }

    int lastValue() {
        return size == 0 ? -1 : values[size - 1];
    }

    /** Adds an entry if its key is larger than the last one's; the file gets it at the next {@link #flush()}. */
    void append(long key, int value) throws IOException {
        if (size > 0 && key <= keys[size - 1]) {
            return;
        }
        add(key, value);
        if (pending.remaining() < ENTRY_BYTES) {
            flush();
        }
        pending.putLong(key).putInt(value);
    }

    private void add(long key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    /** The value of the last entry whose key is at most {@code key}, or {@code otherwise}. */
    int floorValue(long key, int otherwise) {
        int at = Arrays.binarySearch(keys, 0, size, key);
        int slot = at >= 0 ? at : -at - 2;
        return slot < 0 ? otherwise : values[slot];
    }

    /** The value of the last entry whose key is below {@code key}, or {@code otherwise}. */
    int lowerValue(long key, int otherwise) {
        return key == Long.MIN_VALUE ? otherwise : floorValue(key - 1, otherwise);
    }

    /** Writes the entries not yet in the file. */
    void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            channel.write(pending);
        }
        pending.clear();
    }

    /** Writes and forces the entries, and closes the file: a sealed segment's index only answers lookups, from memory. */
    void sealFile() throws IOException {
        if (channel != null && channel.isOpen()) {
            flush();
            channel.force(true);
            channel.close();
        }
    }

    /** Drops every entry whose value is at least {@code value} (after the log was cut there), in memory and in the file. */
    void truncateFromValue(int value) throws IOException {
        flush();
        int keep = size;
        while (keep > 0 && values[keep - 1] >= value) {
            keep--;
        }
        size = keep;
        channel.truncate((long) keep * ENTRY_BYTES);
        channel.position((long) keep * ENTRY_BYTES);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (channel != null && channel.isOpen()) {
            flush();
            channel.close();
        }
    }
}
