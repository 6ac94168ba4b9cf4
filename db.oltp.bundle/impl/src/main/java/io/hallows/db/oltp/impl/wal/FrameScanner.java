package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Reads the frames {@link FrameBuffer} wrote, stopping at the first one that is not whole. */
final class FrameScanner {
    /** Receives each whole record and its LSN. */
    interface Visitor {
        void record(byte[] record, long lsn);
    }

    /**
     * Where a scan stopped.
     *
     * @param offset file offset of the first byte not part of a whole frame
     * @param lsn the LSN of the last whole frame (the start LSN if none)
     * @param frames whole frames read
     */
    record End(long offset, long lsn, long frames) {
    }

    private static final int CHUNK = 1 << 20;
    private final CRC32C crc = new CRC32C();
    private byte[] window = new byte[CHUNK];
    private long windowOffset;
    private int windowLength;

    /**
     * Reads frames from {@code offset} to at most {@code limit}, the first one expected to follow
     * stream position {@code lsn}, and hands each whole one to {@code visitor} in order.
     */
    End scan(FileChannel channel, long offset, long limit, long lsn, Visitor visitor) throws IOException {
        windowLength = 0;
        long frames = 0;
        while (true) {
            long frameLsn = wholeFrameAt(channel, offset, limit);
            if (frameLsn == Long.MIN_VALUE || frameLsn != lsn + frameLength(offset)) {
                return new End(offset, lsn, frames);
            }
            int at = (int) (offset - windowOffset);
            int frame = frameLength(offset);
            visitor.record(Arrays.copyOfRange(window, at + FrameBuffer.HEADER, at + frame), frameLsn);
            offset += frame;
            lsn = frameLsn;
            frames++;
        }
    }

    /** The LSN in the frame at {@code offset} if it is whole (length sane, within the limit, CRC right), else MIN_VALUE. */
    private long wholeFrameAt(FileChannel channel, long offset, long limit) throws IOException {
        if (offset + FrameBuffer.HEADER > limit || !load(channel, offset, FrameBuffer.HEADER)) {
            return Long.MIN_VALUE;
        }
        int length = (int) FrameBuffer.INT.get(window, (int) (offset - windowOffset));
        if (length < 0 || length > FrameBuffer.MAX_RECORD || offset + FrameBuffer.HEADER + length > limit
                || !load(channel, offset, FrameBuffer.HEADER + length)) {
            return Long.MIN_VALUE;
        }
        int at = (int) (offset - windowOffset);
        if ((int) FrameBuffer.INT.get(window, at + 4) != FrameBuffer.checksum(crc, window, at, length)) {
            return Long.MIN_VALUE;
        }
        return (long) FrameBuffer.LONG.get(window, at + 8);
    }

    /** The length of the frame whose header {@link #wholeFrameAt} loaded at {@code offset}. */
    private int frameLength(long offset) {
        return FrameBuffer.HEADER + (int) FrameBuffer.INT.get(window, (int) (offset - windowOffset));
    }

    /** Makes {@code [offset, offset + n)} of the file readable in the window; false if the file ends first. */
    private boolean load(FileChannel channel, long offset, int n) throws IOException {
        if (offset >= windowOffset && offset + n <= windowOffset + windowLength) {
            return true;
        }
        if (window.length < n) {
            window = new byte[n];
        }
        ByteBuffer target = ByteBuffer.wrap(window);
        windowOffset = offset;
        windowLength = 0;
        while (target.hasRemaining()) {
            int read = channel.read(target, offset + target.position());
            if (read < 0) {
                break;
            }
        }
        windowLength = target.position();
        return windowLength >= n;
    }
}
