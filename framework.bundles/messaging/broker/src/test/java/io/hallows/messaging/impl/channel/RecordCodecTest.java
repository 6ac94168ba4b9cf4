package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.utils.ByteUtils;
import org.apache.kafka.common.utils.Crc32C;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static MemoryRecords batch(long baseOffset, Compression compression, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(1000 + i, Fixture.bytes("k" + i), Fixture.bytes(values[i]));
        }
        return MemoryRecords.withRecords(baseOffset, compression, records);
    }

    /**
     * The batch, marked as compressed with zstd (codec 4 in its attributes, CRC recomputed): zstd-jni
     * is not on this class path, as in a stack without it, so reading it fails as it would there.
     */
    static MemoryRecords markedZstd(MemoryRecords plain) {
        ByteBuffer buffer = plain.buffer().duplicate();
        int attributesAt = DefaultRecordBatch.CRC_OFFSET + 4;
        short attributes = buffer.getShort(attributesAt);
        buffer.putShort(attributesAt, (short) ((attributes & ~7) | 4));
        ByteUtils.writeUnsignedInt(buffer, DefaultRecordBatch.CRC_OFFSET, Crc32C.compute(buffer, attributesAt, buffer.limit() - attributesAt));
        return MemoryRecords.readableRecords(buffer);
    }

    static MemoryRecords plain(String value) {
        return batch(0, Compression.NONE, value);
    }

    @Test
    void recordsBeforeTheStartOfABatchAreSkipped() {
        List<Message> out = new ArrayList<>();
        long next = RecordCodec.decode("t", 0, batch(10, Compression.NONE, "a", "b", "c"), 11, out::add);
        assertEquals(13, next);
        assertEquals(List.of(11L, 12L), out.stream().map(Message::offset).toList());
        assertEquals("b", Fixture.text(out.get(0).value()));
        assertEquals(1001, out.get(0).timestamp());
    }

    @Test
    void gzipBatchesAreReadWithTheJdksCodec() {
        List<Message> out = new ArrayList<>();
        RecordCodec.decode("t", 0, batch(0, Compression.gzip().build(), "x", "y"), 0, out::add);
        assertEquals(List.of("x", "y"), out.stream().map(m -> Fixture.text(m.value())).toList());
    }

    @Test
    void aBatchWhoseCodecIsMissingFailsClearly() {
        MemoryRecords zstd = markedZstd(batch(0, Compression.NONE, "x"));
        MessagingException e = assertThrows(MessagingException.class, () -> RecordCodec.decode("t", 3, zstd, 0, m -> { }));
        assertEquals("UNSUPPORTED_COMPRESSION_TYPE", e.code());
        assertTrue(e.getMessage().contains("t-3") && e.getMessage().contains("zstd"), e.getMessage());
    }
}
