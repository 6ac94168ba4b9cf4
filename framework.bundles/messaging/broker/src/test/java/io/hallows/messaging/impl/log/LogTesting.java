package io.hallows.messaging.impl.log;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.osgi.service.log.Logger;

/** What the log's tests share: a recording logger, record batches, waiting on futures. */
final class LogTesting {
    private LogTesting() {
    }

    /** A Logger that keeps "level: message" lines (arguments appended) for assertions. */
    static final class RecordingLogger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getName" -> {
                            return "test";
                        }
                        case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled", "isErrorEnabled" -> {
                            return true;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "RecordingLogger";
                        }
                        default -> {
                            lines.add(method.getName() + ": " + format(args));
                            return null;
                        }
                    }
                });

        /** The message with its {} filled, the way the log service formats it. */
        private static String format(Object[] args) {
            if (args == null || args.length == 0) {
                return "";
            }
            Object[] values = args.length == 2 && args[1] instanceof Object[] array ? array : java.util.Arrays.copyOfRange(args, 1, args.length);
            StringBuilder text = new StringBuilder(String.valueOf(args[0]));
            for (Object value : values) {
                int at = text.indexOf("{}");
                if (at < 0) {
                    text.append(' ').append(value);
                } else {
                    text.replace(at, at + 2, String.valueOf(value));
                }
            }
            return text.toString();
        }

        boolean has(String level, String text) {
            return lines.stream().anyMatch(line -> line.startsWith(level + ":") && line.contains(text));
        }
    }

    static MemoryRecords batch(long timestamp, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(timestamp, null, values[i].getBytes(StandardCharsets.UTF_8));
        }
        return MemoryRecords.withRecords(Compression.NONE, records);
    }

    static MemoryRecords idempotent(long producerId, short epoch, int sequence, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(1000L, null, values[i].getBytes(StandardCharsets.UTF_8));
        }
        return MemoryRecords.withIdempotentRecords(Compression.NONE, producerId, epoch, sequence, records);
    }

    /** The values of every record, in order. */
    static List<String> values(MemoryRecords records) {
        List<String> values = new java.util.ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            for (Record record : batch) {
                byte[] bytes = new byte[record.valueSize()];
                record.value().get(bytes);
                values.add(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The offset of every record, in order. */
    static List<Long> offsets(MemoryRecords records) {
        List<Long> offsets = new java.util.ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            for (Record record : batch) {
                offsets.add(record.offset());
            }
        }
        return offsets;
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }
}
