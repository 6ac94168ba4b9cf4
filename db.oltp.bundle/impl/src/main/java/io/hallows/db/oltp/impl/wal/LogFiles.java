package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The files of a log directory: segments {@code wal-<16 hex start lsn>.log} and checkpoints
 * {@code checkpoint-<16 hex lsn>.ckpt}, each opening with a 32-byte header
 * {@code [int magic][int version][long lsn][long 0][int crc32c of the 24 bytes before][int 0]}.
 * Position {@code p} of the log stream lies in the segment starting at {@code s} at file
 * offset {@code HEADER + p - s}.
 */
final class LogFiles {
    static final int HEADER = 32;
    static final int SEGMENT_MAGIC = 0x48574c47; // "HWLG"
    static final int CHECKPOINT_MAGIC = 0x4857434b; // "HWCK"
    static final int VERSION = 1;
    private static final String SEGMENT = "wal-";
    private static final String CHECKPOINT = "checkpoint-";
    private static final int ZEROS = 1 << 20;

    private LogFiles() {
    }

    static String segmentName(long startLsn) {
        return SEGMENT + HexFormat.of().toHexDigits(startLsn) + ".log";
    }

    static String checkpointName(long lsn, String suffix) {
        return CHECKPOINT + HexFormat.of().toHexDigits(lsn) + suffix;
    }

    /** Segments by start LSN. */
    static TreeMap<Long, Path> segments(Path directory) throws IOException {
        return byLsn(directory, SEGMENT, ".log");
    }

    /** Checkpoints by covered LSN. */
    static TreeMap<Long, Path> checkpoints(Path directory) throws IOException {
        return byLsn(directory, CHECKPOINT, ".ckpt");
    }

    /** Files named {@code prefix<16 hex>suffix}, by the number in their name. */
    private static TreeMap<Long, Path> byLsn(Path directory, String prefix, String suffix) throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        for (Path file : list(directory)) {
            String name = file.getFileName().toString();
            if (name.length() == prefix.length() + 16 + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix)) {
                try {
                    found.put(HexFormat.fromHexDigitsToLong(name, prefix.length(), prefix.length() + 16), file);
                } catch (NumberFormatException notOurs) {
                    // a stray file with a similar name: not part of the log
                }
            }
        }
        return found;
    }

    /** Unfinished files (checkpoints being written, spare segments): never part of the log. */
    static List<Path> leftovers(Path directory) throws IOException {
        return list(directory).stream().filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.toList());
        }
    }

    static void writeHeader(FileChannel channel, int magic, long lsn) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(magic).putInt(VERSION).putLong(lsn).putLong(0);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 24);
        header.putInt((int) crc.getValue()).putInt(0).flip();
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
    }

    /** The LSN in the header, after checking magic, version and CRC; an IOException says what is wrong. */
    static long readHeader(FileChannel channel, int magic, Path file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
            // positional reads until the header is whole or the file ends
        }
        if (header.hasRemaining()) {
            throw new IOException(file + ": header cut short (" + header.position() + " of " + HEADER + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 24);
        if (header.getInt(0) != magic || header.getInt(4) != VERSION || header.getInt(24) != (int) crc.getValue()) {
            throw new IOException(file + ": not a version " + VERSION + " log file or header corrupt");
        }
        return header.getLong(8);
    }

    /** Writes zeros over {@code [from, to)}: preallocation, or erasing a cut tail. */
    static void zero(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZEROS, Math.max(0, to - from)));
        for (long at = from; at < to; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
            at += channel.write(zeros, at);
        }
    }

    /** Whether the {@code n} bytes at {@code offset} are zeros (or lie beyond the end of the file). */
    static boolean zerosAt(FileChannel channel, long offset, int n) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(n);
        while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) > 0) {
            // positional reads until n bytes or the end of the file
        }
        for (int i = 0; i < bytes.position(); i++) {
            if (bytes.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The offset just after the last non-zero byte at or after {@code from}, or {@code from} if there is none. */
    static long endOfData(FileChannel channel, long from) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(ZEROS);
        long end = from;
        for (long at = from; ; ) {
            chunk.clear();
            int read = channel.read(chunk, at);
            if (read < 0) {
                return end;
            }
            for (int i = read - 1; i >= 0; i--) {
                if (chunk.get(i) != 0) {
                    end = at + i + 1;
                    break;
                }
            }
            at += read;
        }
    }

    /** Makes creations, renames and deletions in {@code directory} durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
