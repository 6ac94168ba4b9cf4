package io.hallows.messaging.impl.group;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.TopicPartition;
import org.osgi.service.log.Logger;

/**
 * The committed offsets of every group: in memory, and in an append-only file of CRC-framed
 * records ({@link OffsetRecords}) that is read back at open.
 *
 * <p>Durability: with {@code force}, a commit returns once its records are forced to disk, and only
 * then becomes visible; one force serves every commit written meanwhile (the first thread to wait
 * forces for all, the others find their records already forced). Records are applied to memory in
 * the order they were written. At open a torn tail is cut, and a file mostly made of superseded
 * records is rewritten with the live ones only.
 *
 * <p>Thread-safe.
 */
final class OffsetStore implements AutoCloseable {
    /** A committed offset as stored. */
    record Committed(long offset, int leaderEpoch, String metadata, long timestamp) {
    }

    /** An offset to commit. */
    record Commit(String topic, int partition, long offset, int leaderEpoch, String metadata) {
    }

    static final String FILE = "offsets.log";
    /** Below this size the file is never rewritten. */
    static final long COMPACT_MIN_BYTES = 64 * 1024;
    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private record Unapplied(long end, Runnable apply) {
    }

    private final Path file;
    private final FileChannel channel;
    private final boolean force;
    private final Map<String, Map<TopicPartition, Committed>> offsets = new ConcurrentHashMap<>();
    private final Object appendLock = new Object();
    private final ArrayDeque<Unapplied> unapplied = new ArrayDeque<>();
    private long written;
    private final Object forceLock = new Object();
    private long forced;

    private OffsetStore(Path file, FileChannel channel, long size, boolean force) {
        this.file = file;
        this.channel = channel;
        this.written = size;
        this.forced = size;
        this.force = force;
    }

    static OffsetStore open(Path directory, boolean force, Logger log) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        ByteBuffer bytes = ByteBuffer.wrap(Files.exists(file) ? Files.readAllBytes(file) : new byte[0]);
        Map<String, Map<TopicPartition, Committed>> read = new TreeMap<>();
        int records = 0;
        for (OffsetRecords.Entry e = OffsetRecords.read(bytes); e != null; e = OffsetRecords.read(bytes)) {
            records++;
            String topic = e.topic();
            if (e.deletion()) {
                read.values().forEach(m -> m.keySet().removeIf(tp -> tp.topic().equals(topic)));
            } else {
                read.computeIfAbsent(e.group(), g -> new TreeMap<>(ORDER))
                        .put(new TopicPartition(e.topic(), e.partition()), e.committed());
            }
        }
        read.values().removeIf(Map::isEmpty);
        int valid = bytes.position();
        int live = read.values().stream().mapToInt(Map::size).sum();
        if (valid < bytes.limit()) {
            log.warn("offsets file {}: cut a torn or damaged tail at byte {} ({} bytes dropped)", file, valid,
                    bytes.limit() - valid);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(valid);
                ch.force(true);
            }
        }
        if (valid >= COMPACT_MIN_BYTES && records > 2 * live) {
            rewrite(directory, file, read);
            log.info("offsets file {}: compacted {} records to {}", file, records, live);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        OffsetStore store = new OffsetStore(file, channel, channel.size(), force);
        read.forEach((group, map) -> store.offsets.put(group, sorted(map)));
        return store;
    }

    /** Writes the live offsets to a new file, forced, then puts it in place of the old one. */
    private static void rewrite(Path directory, Path file, Map<String, Map<TopicPartition, Committed>> live)
            throws IOException {
        Path tmp = directory.resolve(FILE + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (var group : live.entrySet()) {
                for (var e : group.getValue().entrySet()) {
                    Committed c = e.getValue();
                    List<Commit> one = List.of(new Commit(e.getKey().topic(), e.getKey().partition(), c.offset(),
                            c.leaderEpoch(), c.metadata()));
                    writeFully(out, OffsetRecords.commits(group.getKey(), one, c.timestamp()), out.position());
                }
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Commits offsets of one group; durable (with {@code force}) and visible when it returns. */
    void commit(String group, List<Commit> commits, long timestamp) throws IOException {
        if (commits.isEmpty()) {
            return;
        }
        write(OffsetRecords.commits(group, commits, timestamp), () -> {
            Map<TopicPartition, Committed> map = offsets.computeIfAbsent(group, g -> sorted(Map.of()));
            for (Commit c : commits) {
                map.put(new TopicPartition(c.topic(), c.partition()),
                        new Committed(c.offset(), c.leaderEpoch(), c.metadata(), timestamp));
            }
        });
    }

    /** Forgets every group's offsets of a topic, durably. */
    void deleteTopic(String topic) throws IOException {
        write(OffsetRecords.topicDeleted(topic), () -> {
            for (var e : offsets.entrySet()) {
                e.getValue().keySet().removeIf(tp -> tp.topic().equals(topic));
            }
            offsets.values().removeIf(Map::isEmpty);
        });
    }

    private void write(ByteBuffer records, Runnable apply) throws IOException {
        long end;
        synchronized (appendLock) {
            try {
                writeFully(channel, records, written);
            } catch (IOException e) {
                // Leave no partial record behind, or the records written after it would be lost at open.
                channel.truncate(written);
                throw e;
            }
            written += records.limit();
            end = written;
            if (!force) {
                apply.run();
                return;
            }
            unapplied.add(new Unapplied(end, apply));
        }
        synchronized (forceLock) {
            if (forced >= end) {
                return;
            }
            long target;
            synchronized (appendLock) {
                target = written;
            }
            channel.force(false);
            forced = target;
            synchronized (appendLock) {
                while (!unapplied.isEmpty() && unapplied.peek().end() <= target) {
                    unapplied.poll().apply().run();
                }
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    Optional<Committed> get(String group, String topic, int partition) {
        Map<TopicPartition, Committed> map = offsets.get(group);
        return Optional.ofNullable(map == null ? null : map.get(new TopicPartition(topic, partition)));
    }

    /** A group's committed offsets, by topic and partition. */
    Map<TopicPartition, Committed> offsets(String group) {
        Map<TopicPartition, Committed> map = offsets.get(group);
        if (map == null) {
            return Map.of();
        }
        Map<TopicPartition, Committed> copy = new TreeMap<>(ORDER);
        copy.putAll(map);
        return copy;
    }

    private static Map<TopicPartition, Committed> sorted(Map<TopicPartition, Committed> entries) {
        Map<TopicPartition, Committed> map = new ConcurrentSkipListMap<>(ORDER);
        map.putAll(entries);
        return map;
    }

    boolean has(String group) {
        Map<TopicPartition, Committed> map = offsets.get(group);
        return map != null && !map.isEmpty();
    }

    Set<String> groups() {
        return Set.copyOf(offsets.keySet());
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
