package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.osgi.service.log.Logger;

/**
 * Rebuilds a segment's indexes from its batches after a restart. For the last segment of a
 * partition, the one a crash may have torn, every batch is loaded and its CRC checked: the file is
 * cut before the first batch that is incomplete, corrupt, of another format or out of sequence
 * (a preallocated or zeroed tail reads as a batch of size 0), because nothing after it can be
 * trusted. Other segments were forced when they were rolled: their headers are only walked.
 */
final class SegmentRecovery {
    /** Where recovery tells what it did. */
    interface Reporter {
        void truncated(Path file, long offset, int position, long bytesCut, String why);

        void indexRebuilt(Path file);
    }

    private SegmentRecovery() {
    }

    /** A reporter that tells the operator, at WARN: a cut names the file, the byte position, the offset and why. */
    static Reporter logging(Logger log) {
        return new Reporter() {
            @Override
            public void truncated(Path file, long offset, int position, long bytesCut, String why) {
                log.warn("messaging: recovery cut {} at byte {} (offset {}): {}; {} bytes after it dropped", file, position, offset, why,
                        bytesCut);
            }

            @Override
            public void indexRebuilt(Path file) {
                log.warn("messaging: the indexes of {} were missing or damaged, rebuilt from its batches", file);
            }
        };
    }

    static void recover(LogSegment segment, boolean checkBatches, Reporter reporter) throws IOException {
        int fileSize = segment.size();
        int position = 0;
        long expected = segment.baseOffset();
        long firstTimestamp = -1;
        ByteBuffer batchBuffer = ByteBuffer.allocate(64 * 1024);
        String why = null;
        while (position < fileSize) {
            BatchHeader header = segment.header(position, fileSize);
            why = problem(header, position, fileSize, expected);
            if (why == null && checkBatches) {
                if (batchBuffer.capacity() < header.sizeInBytes()) {
                    batchBuffer = ByteBuffer.allocate(header.sizeInBytes());
                }
                why = checkCrc(segment, position, header, batchBuffer);
            }
            if (why != null) {
                break;
            }
            if (firstTimestamp < 0) {
                firstTimestamp = header.maxTimestamp();
            }
            segment.track(header.baseOffset(), header.lastOffset(), header.maxTimestamp(), position, header.sizeInBytes());
            expected = header.nextOffset();
            position += header.sizeInBytes();
        }
        if (position < fileSize) {
            if (checkBatches) {
                reporter.truncated(segment.file(), expected, position, fileSize - (long) position, why);
                segment.truncateTo(position, expected);
            } else {
                throw new IOException(segment.file() + ": batch at byte " + position + " (offset " + expected + ") is unreadable: " + why
                        + "; only the last segment of a partition is cut at recovery");
            }
        }
        segment.startAgeAt(firstTimestamp);
    }

    private static String problem(BatchHeader header, int position, int fileSize, long expected) {
        if (header == null) {
            return fileSize - position < BatchHeader.SIZE ? "incomplete batch header" : "impossible batch size";
        }
        if (header.magic() != RecordBatch.MAGIC_VALUE_V2) {
            return "magic " + header.magic() + " instead of 2";
        }
        if ((long) position + header.sizeInBytes() > fileSize) {
            return "batch of " + header.sizeInBytes() + " bytes ends past the end of the file";
        }
        if (header.baseOffset() != expected || header.lastOffsetDelta() < 0) {
            return "base offset " + header.baseOffset() + " where " + expected + " was expected";
        }
        return null;
    }

    private static String checkCrc(LogSegment segment, int position, BatchHeader header, ByteBuffer buffer) throws IOException {
        buffer.clear().limit(header.sizeInBytes());
        while (buffer.hasRemaining()) {
            if (segment.channel().read(buffer, position + buffer.position()) < 0) {
                return "file ended while reading the batch";
            }
        }
        buffer.flip();
        Iterator<MutableRecordBatch> batches = MemoryRecords.readableRecords(buffer).batches().iterator();
        if (!batches.hasNext()) {
            return "unreadable batch";
        }
        return batches.next().isValid() ? null : "CRC mismatch";
    }
}
