package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A growable buffer of framed records, as they go to disk. A frame is a 16-byte header
 * {@code [int length][int crc32c][long lsn]} then the record; the CRC covers the length, the LSN
 * and the record, and the LSN is the stream position just after the frame, so a frame left over
 * from another position (or zeros) never passes for a record. Not thread-safe: its owner locks.
 */
final class FrameBuffer {
    static final int HEADER = 16;
    /** Larger records are refused: a length beyond it in a header means corruption. */
    static final int MAX_RECORD = 1 << 30;
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final CRC32C crc = new CRC32C();
    private byte[] bytes;
    private int used;
    private long startLsn;
    private long[] rolls = new long[2];
    private int rollCount;

    FrameBuffer(int capacity, long startLsn) {
        this.bytes = new byte[capacity];
        this.startLsn = startLsn;
    }

    /** Frames {@code record} at the end of the buffer and returns its LSN. */
    long add(byte[] record) {
        if (record.length > MAX_RECORD) {
            throw new IllegalArgumentException("record of " + record.length + " bytes exceeds " + MAX_RECORD);
        }
        int frame = HEADER + record.length;
        if (used + frame > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + frame));
        }
        long lsn = endLsn() + frame;
        INT.set(bytes, used, record.length);
        LONG.set(bytes, used + 8, lsn);
        System.arraycopy(record, 0, bytes, used + HEADER, record.length);
        INT.set(bytes, used + 4, checksum(crc, bytes, used, record.length));
        used += frame;
        return lsn;
    }

    /** The CRC32C of the frame at {@code off} whose record is {@code length} bytes long. */
    static int checksum(CRC32C crc, byte[] frame, int off, int length) {
        crc.reset();
        crc.update(frame, off, 4);
        crc.update(frame, off + 8, 8 + length);
        return (int) crc.getValue();
    }

    long startLsn() {
        return startLsn;
    }

    long endLsn() {
        return startLsn + used;
    }

    int size() {
        return used;
    }

    /** Writes {@code [from, to)} (stream positions) to {@code channel} at {@code fileOffset}. */
    void writeTo(FileChannel channel, long from, long to, long fileOffset) throws IOException {
        write(channel, ByteBuffer.wrap(bytes, (int) (from - startLsn), (int) (to - from)), fileOffset);
    }

    /**
     * Writes {@code [from, end)} followed by a zero header, the end marker recovery looks for, in
     * one write; the next write overwrites the marker.
     */
    void writeToEndMarked(FileChannel channel, long from, long fileOffset) throws IOException {
        if (used + HEADER > bytes.length) {
            bytes = Arrays.copyOf(bytes, used + HEADER);
        }
        Arrays.fill(bytes, used, used + HEADER, (byte) 0);
        write(channel, ByteBuffer.wrap(bytes, (int) (from - startLsn), (int) (endLsn() - from) + HEADER), fileOffset);
    }

    static void write(FileChannel channel, ByteBuffer bytes, long fileOffset) throws IOException {
        while (bytes.hasRemaining()) {
            fileOffset += channel.write(bytes, fileOffset);
        }
    }

    /** Notes that a new segment starts at the current end (the writer rolls there). */
    void markRoll() {
        if (rollCount == rolls.length) {
            rolls = Arrays.copyOf(rolls, rollCount * 2);
        }
        rolls[rollCount++] = endLsn();
    }

    int rollCount() {
        return rollCount;
    }

    long roll(int index) {
        return rolls[index];
    }

    /** Empties the buffer; the next frame starts at {@code lsn}. */
    void reset(long lsn) {
        used = 0;
        rollCount = 0;
        startLsn = lsn;
    }
}
