package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A segment's sparse index: entries of a strictly increasing key and a value, in a file of 12-byte
 * entries (key as a long, value as an int). The offset index maps a batch's offset relative to the
 * segment's base to its byte position; the time index maps the largest timestamp so far to the
 * relative offset of the batch that holds it.
 *
 * <p>While its segment is active the entries are kept in arrays and appended to the file; once
 * sealed the file is forced, closed and mapped read-only, so that the indexes of a large partition
 * live in the page cache, not on the heap. The file is not forced with each entry (the last
 * segment's indexes are rebuilt at recovery).
 *
 * <p>Not thread-safe: owned by its segment's partition task.
 */
final class SparseIndex implements AutoCloseable {
    static final int ENTRY_BYTES = 12;

    private final Path file;
    private FileChannel channel;
    private long[] keys;
    private int[] values;
    private ByteBuffer sealed;
    private int size;
    private final ByteBuffer pending = ByteBuffer.allocate(ENTRY_BYTES * 64);

    private SparseIndex(Path file) {
        this.file = file;
    }

    /** A new, empty index (replacing what the file held), open for appends. */
    static SparseIndex create(Path file) throws IOException {
        SparseIndex index = new SparseIndex(file);
        index.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        index.keys = new long[16];
        index.values = new int[16];
        return index;
    }

    /**
     * The sealed index in {@code file}, or null when it is missing or not sane: its length is not a
     * whole number of entries, its keys do not increase, or a value is outside {@code [0, valueLimit)}.
     */
    static SparseIndex load(Path file, int valueLimit) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) % ENTRY_BYTES != 0) {
            return null;
        }
        SparseIndex index = new SparseIndex(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            index.sealed = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        index.size = index.sealed.capacity() / ENTRY_BYTES;
        for (int i = 0; i < index.size; i++) {
            int value = index.value(i);
            if (value < 0 || value >= valueLimit || (i > 0 && index.key(i) <= index.key(i - 1))) {
                return null;
            }
        }
        return index;
    }

    int size() {
        return size;
    }

    boolean isSealed() {
        return sealed != null;
    }

    private long key(int i) {
        return sealed != null ? sealed.getLong(i * ENTRY_BYTES) : keys[i];
    }

    private int value(int i) {
        return sealed != null ? sealed.getInt(i * ENTRY_BYTES + 8) : values[i];
    }

    long lastKey() {
        return size == 0 ? Long.MIN_VALUE : key(size - 1);
    }

    int lastValue() {
        return size == 0 ? -1 : value(size - 1);
    }

    /** Adds an entry if its key is larger than the last one's; the file gets it at the next {@link #flush()}. */
    void append(long key, int value) throws IOException {
        if (size > 0 && key <= keys[size - 1]) {
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        if (pending.remaining() < ENTRY_BYTES) {
            flush();
        }
        pending.putLong(key).putInt(value);
    }

    /** The value of the last entry whose key is at most {@code key}, or {@code otherwise}. */
    int floorValue(long key, int otherwise) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (key(middle) <= key) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? otherwise : value(found);
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

    /** Writes and forces the entries, closes the file and maps it: a sealed segment's index only answers lookups. */
    void seal() throws IOException {
        if (channel == null) {
            return;
        }
        flush();
        channel.force(true);
        sealed = channel.map(FileChannel.MapMode.READ_ONLY, 0, (long) size * ENTRY_BYTES);
        channel.close();
        channel = null;
        keys = null;
        values = null;
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
