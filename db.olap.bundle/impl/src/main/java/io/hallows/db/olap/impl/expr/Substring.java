package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.StrVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import java.util.List;

/**
 * {@code SUBSTRING(s FROM start [FOR length])} with constant bounds, counted in characters
 * (UTF-8 continuation bytes are skipped, so multi-byte characters count once).
 */
public final class Substring implements Expr {
    private final Expr in;
    private final long start;
    private final long length; // -1: to the end

    public Substring(Expr in, long start, long length) {
        this.in = in;
        this.start = start;
        this.length = length;
    }

    @Override
    public Type type() {
        return Type.VARCHAR;
    }

    @Override
    public List<Expr> children() {
        return List.of(in);
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        StrVec s = (StrVec) in.eval(b);
        int[] off = new int[n + 1];
        byte[] data = new byte[s.off[n] - s.off[0]];
        int d = 0;
        // SQL: characters start..start+length-1, 1-based; a start before 1 eats into the length.
        long first = Math.max(start, 1);
        long end = length < 0 ? Long.MAX_VALUE : start + length;
        for (int i = 0; i < n; i++) {
            int p = s.off[i];
            int e = s.off[i + 1];
            long ch = 1;
            while (p < e && ch < first) {
                p = nextChar(s.data, p, e);
                ch++;
            }
            int q = p;
            while (q < e && ch < end) {
                q = nextChar(s.data, q, e);
                ch++;
            }
            System.arraycopy(s.data, p, data, d, q - p);
            d += q - p;
            off[i + 1] = d;
        }
        return new StrVec(data, off, s.nulls);
    }

    private static int nextChar(byte[] d, int p, int e) {
        p++;
        while (p < e && (d[p] & 0xC0) == 0x80) {
            p++;
        }
        return p;
    }

    @Override
    public String toString() {
        return "SUBSTRING(" + in + " FROM " + start + (length < 0 ? "" : " FOR " + length) + ")";
    }
}
