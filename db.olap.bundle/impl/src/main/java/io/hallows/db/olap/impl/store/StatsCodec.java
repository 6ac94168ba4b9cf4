package io.hallows.db.olap.impl.store;

import io.hallows.db.olap.impl.table.ColumnStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The chunks' min/max statistics as one text value of a table file's footer metadata, so that
 * opening a table does not scan its columns again. Binary (a count, then per chunk and column the
 * null count and two tagged values), Base64-encoded.
 */
final class StatsCodec {
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte STRING = 3;
    private static final byte BOOLEAN = 4;

    private StatsCodec() {}

    static String encode(List<List<ColumnStats>> chunks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(chunks.size());
            for (List<ColumnStats> chunk : chunks) {
                out.writeInt(chunk.size());
                for (ColumnStats s : chunk) {
                    out.writeLong(s.nulls());
                    value(out, s.min());
                    value(out, s.max());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The statistics {@link #encode} wrote. @throws IOException when the text is not such statistics */
    static List<List<ColumnStats>> decode(String text) throws IOException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("statistics are not Base64", e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            int n = count(in);
            List<List<ColumnStats>> chunks = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                int columns = count(in);
                List<ColumnStats> chunk = new ArrayList<>(columns);
                for (int i = 0; i < columns; i++) {
                    long nulls = in.readLong();
                    chunk.add(new ColumnStats(value(in), value(in), nulls));
                }
                chunks.add(chunk);
            }
            return chunks;
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) {
            throw new IOException("statistics: bad count " + n);
        }
        return n;
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("statistics value of type " + v.getClass().getName());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case STRING -> {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    throw new IOException("statistics: bad string length " + n);
                }
                yield new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
            }
            case BOOLEAN -> in.readBoolean();
            default -> throw new IOException("statistics: bad value tag " + tag);
        };
    }
}
