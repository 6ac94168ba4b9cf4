package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A checkpoint file: the {@link LogFiles} header (its LSN is the covered log position), the
 * snapshot's records framed as in the log (positions counted from 0), then a 32-byte trailer
 * {@code [int magic][int 0][long records][long covered lsn][int crc32c of the 24 bytes before][int 0]}.
 * A file is whole only if its header, every frame and the trailer agree.
 */
final class CheckpointFile {
    private static final int TRAILER = 32;
    private static final int TRAILER_MAGIC = 0x48574345; // "HWCE"
    private static final int FLUSH_AT = 1 << 20;

    /** A snapshot written and forced under a temporary name, not yet published. */
    record Written(Path file, long lsn, long records, long bytes) {
    }

    /** What {@link #verify} found in a whole checkpoint. */
    record Contents(long lsn, long records) {
    }

    private CheckpointFile() {
    }

    /** Writes {@code source}'s snapshot to {@code file} (created anew) and forces it. */
    static Written write(Path file, Recoverable source) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            FrameBuffer frames = new FrameBuffer(FLUSH_AT + (FLUSH_AT >> 2), 0);
            long[] records = {0};
            long lsn;
            try {
                lsn = source.snapshot(record -> {
                    frames.add(record);
                    records[0]++;
                    if (frames.size() >= FLUSH_AT) {
                        flush(channel, frames);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            flush(channel, frames);
            long end = LogFiles.HEADER + frames.endLsn();
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER).putInt(TRAILER_MAGIC).putInt(0).putLong(records[0]).putLong(lsn);
            CRC32C crc = new CRC32C();
            crc.update(trailer.array(), 0, 24);
            trailer.putInt((int) crc.getValue()).putInt(0).flip();
            while (trailer.hasRemaining()) {
                channel.write(trailer, end + trailer.position());
            }
            LogFiles.writeHeader(channel, LogFiles.CHECKPOINT_MAGIC, lsn);
            channel.force(false);
            return new Written(file, lsn, records[0], end + TRAILER);
        }
    }

    private static void flush(FileChannel channel, FrameBuffer frames) {
        try {
            frames.writeTo(channel, frames.startLsn(), frames.endLsn(), LogFiles.HEADER + frames.startLsn());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frames.reset(frames.endLsn());
    }

    /** Reads the whole file without handing records to anyone; an IOException says why it is not whole. */
    static Contents verify(Path file) throws IOException {
        return read(file, (record, lsn) -> { });
    }

    /** Hands every record to {@code target}; call only after {@link #verify} succeeded. */
    static Contents load(Path file, Recoverable target) throws IOException {
        return read(file, (record, lsn) -> target.loadSnapshotRecord(record));
    }

    private static Contents read(Path file, FrameScanner.Visitor visitor) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long lsn = LogFiles.readHeader(channel, LogFiles.CHECKPOINT_MAGIC, file);
            long size = channel.size();
            if (size < LogFiles.HEADER + TRAILER) {
                throw new IOException(file + ": no trailer (" + size + " bytes)");
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
            while (trailer.hasRemaining() && channel.read(trailer, size - TRAILER + trailer.position()) > 0) {
                // positional reads until the trailer is whole
            }
            CRC32C crc = new CRC32C();
            crc.update(trailer.array(), 0, 24);
            if (trailer.getInt(0) != TRAILER_MAGIC || trailer.getInt(24) != (int) crc.getValue() || trailer.getLong(16) != lsn) {
                throw new IOException(file + ": trailer missing or corrupt");
            }
            long records = trailer.getLong(8);
            FrameScanner.End end = new FrameScanner().scan(channel, LogFiles.HEADER, size - TRAILER, 0, visitor);
            if (end.offset() != size - TRAILER || end.frames() != records) {
                throw new IOException(file + ": record " + end.frames() + " at offset " + end.offset()
                        + " is corrupt (the trailer counts " + records + ")");
            }
            return new Contents(lsn, records);
        }
    }
}
