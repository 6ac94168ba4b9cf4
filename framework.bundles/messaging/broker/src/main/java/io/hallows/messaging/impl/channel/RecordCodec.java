package io.hallows.messaging.impl.channel;

import io.hallows.messaging.api.Header;
import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * Records between the log's form (Kafka's record batches, v2) and the API's {@link Message}: one
 * uncompressed batch per published record, and the records of stored batches as messages.
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    /** One record as a batch of its own (magic v2, no compression, base offset 0: the log assigns offsets). */
    public static MemoryRecords encode(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        org.apache.kafka.common.header.Header[] kafkaHeaders = headers.stream()
                .map(h -> new RecordHeader(h.key(), h.value()))
                .toArray(org.apache.kafka.common.header.Header[]::new);
        return MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(timestamp, key, value, kafkaHeaders));
    }

    /**
     * Hands {@code sink} every record of {@code records} at or after {@code from}, in offset order
     * (control batches of transactions are skipped).
     *
     * @return the offset after the last batch read ({@code from} if there was none)
     * @throws MessagingException UNSUPPORTED_COMPRESSION_TYPE if a batch is compressed with a codec
     *         this runtime lacks (zstd, lz4 and snappy are optional libraries), CORRUPT_MESSAGE if a
     *         batch cannot be read
     */
    public static long decode(String topic, int partition, MemoryRecords records, long from, Consumer<Message> sink) {
        long next = from;
        for (MutableRecordBatch batch : records.batches()) {
            if (batch.lastOffset() < from) {
                continue;
            }
            if (!batch.isControlBatch()) {
                for (Record record : records(topic, partition, batch)) {
                    if (record.offset() >= from) {
                        sink.accept(message(topic, partition, record));
                    }
                }
            }
            next = Math.max(next, batch.nextOffset());
        }
        return next;
    }

    private static Iterable<Record> records(String topic, int partition, MutableRecordBatch batch) {
        try {
            // An uncompressed batch is read in place; a compressed one is decompressed whole here.
            return batch.isCompressed() ? collect(batch) : batch;
        } catch (LinkageError | KafkaException e) {
            CompressionType codec = batch.compressionType();
            if (codec != CompressionType.NONE && codec != CompressionType.GZIP) {
                throw new MessagingException(Errors.UNSUPPORTED_COMPRESSION_TYPE.name(), topic + "-" + partition
                        + ": the batch at offset " + batch.baseOffset() + " is compressed with " + codec.name
                        + ", whose codec is not available in this stack (add its library bundle to read it here): " + e, e);
            }
            throw new MessagingException(Errors.CORRUPT_MESSAGE.name(), topic + "-" + partition
                    + ": the batch at offset " + batch.baseOffset() + " cannot be read: " + e, e);
        }
    }

    private static List<Record> collect(MutableRecordBatch batch) {
        List<Record> all = new ArrayList<>();
        batch.forEach(all::add);
        return all;
    }

    private static Message message(String topic, int partition, Record record) {
        org.apache.kafka.common.header.Header[] kafkaHeaders = record.headers();
        Header[] headers = new Header[kafkaHeaders.length];
        for (int i = 0; i < kafkaHeaders.length; i++) {
            headers[i] = new Header(kafkaHeaders[i].key(), kafkaHeaders[i].value());
        }
        return new Message(topic, partition, record.offset(), record.timestamp(),
                record.hasKey() ? Utils.toArray(record.key()) : null,
                record.hasValue() ? Utils.toArray(record.value()) : null, List.of(headers));
    }
}
