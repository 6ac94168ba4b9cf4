package io.hallows.db.olap.impl.exec;

import java.util.Arrays;

/**
 * The build side of a hash join: its rows, their key hashes, and bucket chains ({@code head}
 * per bucket, {@code next} per row) in int arrays. Immutable once built, so probes run in
 * parallel without locks.
 */
final class HashTable {
    private final Batch rows;
    private final Vec[] keys;
    private final long[] hashes;
    private final int[] head;
    private final int[] next;
    private final int mask;
    private final boolean[] nullSafe;

    /** The pairs a probe found: probe row {@code probeRows[i]} matches build row {@code buildRows[i]}. */
    record Matches(int[] probeRows, int[] buildRows, int count) {}

    private HashTable(Batch rows, Vec[] keys, long[] hashes, int[] head, int[] next, boolean[] nullSafe) {
        this.rows = rows;
        this.keys = keys;
        this.hashes = hashes;
        this.head = head;
        this.next = next;
        this.mask = head.length - 1;
        this.nullSafe = nullSafe;
    }

    static HashTable build(Batch rows, Vec[] keys, boolean[] nullSafe, Memory memory) {
        int n = rows.n();
        int buckets = Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1;
        memory.reserve(8L * n + 4L * n + 4L * buckets);
        long[] hashes = Keys.hash(keys, n);
        boolean[] skip = Keys.nullKeys(keys, nullSafe, n);
        int[] head = new int[buckets];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int mask = buckets - 1;
        for (int i = n - 1; i >= 0; i--) { // backwards, so chains list rows in input order
            if (skip != null && skip[i]) {
                continue;
            }
            int b = (int) hashes[i] & mask;
            next[i] = head[b];
            head[b] = i;
        }
        return new HashTable(rows, keys, hashes, head, next, nullSafe);
    }

    Batch rows() {
        return rows;
    }

    Matches probe(Vec[] probeKeys, int n, boolean firstOnly) {
        long[] h = Keys.hash(probeKeys, n);
        boolean[] skip = Keys.nullKeys(probeKeys, nullSafe, n);
        int cap = Math.max(16, n);
        int[] pr = new int[cap];
        int[] br = new int[cap];
        int k = 0;
        boolean singleLong = keys.length == 1 && keys[0] instanceof LongVec && keys[0].nulls == null && probeKeys[0].nulls == null;
        long[] bk = singleLong ? ((LongVec) keys[0]).v : null;
        long[] pk = singleLong ? ((LongVec) probeKeys[0]).v : null;
        for (int i = 0; i < n; i++) {
            if (skip != null && skip[i]) {
                continue;
            }
            long hi = h[i];
            for (int r = head[(int) hi & mask]; r >= 0; r = next[r]) {
                if (hashes[r] != hi) {
                    continue;
                }
                if (singleLong ? bk[r] != pk[i] : !Keys.equal(probeKeys, i, keys, r)) {
                    continue;
                }
                if (k == pr.length) {
                    pr = Arrays.copyOf(pr, k * 2);
                    br = Arrays.copyOf(br, k * 2);
                }
                pr[k] = i;
                br[k++] = r;
                if (firstOnly) {
                    break;
                }
            }
        }
        return new Matches(pr, br, k);
    }
}
