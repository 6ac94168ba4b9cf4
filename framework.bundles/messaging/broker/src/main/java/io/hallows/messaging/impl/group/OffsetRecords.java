package io.hallows.messaging.impl.group;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The records of the offsets file: each framed as {@code length, crc32c, payload} so that a torn
 * or damaged tail is recognised at open. A payload is a commit (group, topic, partition, offset,
 * leader epoch, metadata, commit timestamp) or the deletion of a topic's offsets in every group.
 */
final class OffsetRecords {
    static final byte COMMIT = 1;
    static final byte TOPIC_DELETED = 2;
    private static final int HEADER = 8;

    private OffsetRecords() {
    }

    /** A record read back: a commit, or (with {@code group} null) a topic's deletion. */
    record Entry(String group, String topic, int partition, OffsetStore.Committed committed) {
        boolean deletion() {
            return group == null;
        }
    }

    static ByteBuffer commits(String group, List<OffsetStore.Commit> commits, long timestamp) {
        byte[] g = utf8(group);
        int size = 0;
        for (OffsetStore.Commit c : commits) {
            size += HEADER + commitSize(g, c);
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        for (OffsetStore.Commit c : commits) {
            int start = buf.position();
            buf.position(start + HEADER);
            buf.put(COMMIT);
            putBytes(buf, g);
            putBytes(buf, utf8(c.topic()));
            buf.putInt(c.partition()).putLong(c.offset()).putInt(c.leaderEpoch());
            putBytes(buf, c.metadata() == null ? null : utf8(c.metadata()));
            buf.putLong(timestamp);
            frame(buf, start);
        }
        return buf.flip();
    }

    static ByteBuffer topicDeleted(String topic) {
        byte[] t = utf8(topic);
        ByteBuffer buf = ByteBuffer.allocate(HEADER + 1 + 4 + t.length);
        buf.position(HEADER);
        buf.put(TOPIC_DELETED);
        putBytes(buf, t);
        frame(buf, 0);
        return buf.flip();
    }

    /**
     * Reads the record at the buffer's position and moves past it; returns null, leaving the
     * position where it was, if no whole record with a good checksum is there (a torn tail).
     */
    static Entry read(ByteBuffer buf) {
        int start = buf.position();
        if (buf.remaining() < HEADER) {
            return null;
        }
        int length = buf.getInt(start);
        int crc = buf.getInt(start + 4);
        if (length < 1 || length > buf.remaining() - HEADER) {
            return null;
        }
        ByteBuffer payload = buf.slice(start + HEADER, length);
        CRC32C crc32c = new CRC32C();
        crc32c.update(payload.duplicate());
        if ((int) crc32c.getValue() != crc) {
            return null;
        }
        try {
            Entry entry = decode(payload);
            buf.position(start + HEADER + length);
            return entry;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Entry decode(ByteBuffer p) {
        byte type = p.get();
        if (type == TOPIC_DELETED) {
            return new Entry(null, getString(p), -1, null);
        }
        if (type != COMMIT) {
            throw new IllegalArgumentException("unknown offsets record type " + type);
        }
        String group = getString(p);
        String topic = getString(p);
        int partition = p.getInt();
        long offset = p.getLong();
        int epoch = p.getInt();
        String metadata = getString(p);
        long timestamp = p.getLong();
        return new Entry(group, topic, partition, new OffsetStore.Committed(offset, epoch, metadata, timestamp));
    }

    private static int commitSize(byte[] group, OffsetStore.Commit c) {
        int metadata = c.metadata() == null ? 0 : utf8(c.metadata()).length;
        return 1 + 4 + group.length + 4 + utf8(c.topic()).length + 4 + 8 + 4 + 4 + metadata + 8;
    }

    private static void frame(ByteBuffer buf, int start) {
        int end = buf.position();
        CRC32C crc = new CRC32C();
        crc.update(buf.slice(start + HEADER, end - start - HEADER));
        buf.putInt(start, end - start - HEADER);
        buf.putInt(start + 4, (int) crc.getValue());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putBytes(ByteBuffer buf, byte[] bytes) {
        if (bytes == null) {
            buf.putInt(-1);
        } else {
            buf.putInt(bytes.length).put(bytes);
        }
    }

    private static String getString(ByteBuffer p) {
        int n = p.getInt();
        if (n < 0) {
            return null;
        }
        if (n > p.remaining()) {
            throw new IllegalArgumentException("string of " + n + " bytes past the record's end");
        }
        byte[] bytes = new byte[n];
        p.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
