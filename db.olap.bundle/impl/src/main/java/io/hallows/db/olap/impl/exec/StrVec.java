package io.hallows.db.olap.impl.exec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * VARCHAR values as Arrow lays them out: UTF-8 bytes end to end in {@link #data}, row {@code i}
 * from {@code off[i]} to {@code off[i + 1]}. Byte order of UTF-8 is code point order, so
 * comparisons work on the bytes.
 */
public final class StrVec extends Vec {
    public final byte[] data;
    public final int[] off;

    public StrVec(byte[] data, int[] off, boolean[] nulls) {
        super(nulls);
        this.data = data;
        this.off = off;
    }

    public int start(int i) {
        return off[i];
    }

    public int length(int i) {
        return off[i + 1] - off[i];
    }

    public String string(int i) {
        return new String(data, off[i], off[i + 1] - off[i], StandardCharsets.UTF_8);
    }

    @Override
    public StrVec gather(int[] rows, int count) {
        long size = 0;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (r >= 0) {
                size += off[r + 1] - off[r];
            }
        }
        byte[] out = new byte[Math.toIntExact(size)];
        int[] o = new int[count + 1];
        int p = 0;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (r >= 0) {
                int len = off[r + 1] - off[r];
                System.arraycopy(data, off[r], out, p, len);
                p += len;
            }
            o[i + 1] = p;
        }
        return new StrVec(out, o, gatherNulls(rows, count));
    }

    @Override
    public long bytes(int n) {
        return off[n] - off[0] + 4L * (n + 1) + (nulls == null ? 0 : n);
    }

    /** Compares row {@code i} of {@code a} with row {@code j} of {@code b} as unsigned bytes. */
    public static int compare(StrVec a, int i, StrVec b, int j) {
        return Arrays.compareUnsigned(a.data, a.off[i], a.off[i + 1], b.data, b.off[j], b.off[j + 1]);
    }

    public static boolean equal(StrVec a, int i, StrVec b, int j) {
        return Arrays.equals(a.data, a.off[i], a.off[i + 1], b.data, b.off[j], b.off[j + 1]);
    }

    /** A hash of row {@code i}'s bytes (FNV-1a, then mixed). */
    public long hash(int i) {
        long h = 0xcbf29ce484222325L;
        for (int k = off[i], e = off[i + 1]; k < e; k++) {
            h = (h ^ data[k]) * 0x100000001b3L;
        }
        return h;
    }
}
