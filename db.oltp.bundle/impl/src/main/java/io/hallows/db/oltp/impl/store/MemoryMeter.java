package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's memory accounting: an estimate of the bytes each version holds (object headers,
 * the values, strings and byte arrays by length, its share of the index entries), reserved before
 * a write and released when the version is undone or collected.
 */
final class MemoryMeter {
    private static final long MIB = 1024 * 1024;
    /** The version object, its array header and one primary-index entry. */
    private static final int VERSION_OVERHEAD = 48 + 16 + 48;

    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong versions = new AtomicLong();

    MemoryMeter(long limit) {
        this.limit = limit;
    }

    static int estimate(Object[] values) {
        if (values == null) {
            return VERSION_OVERHEAD;
        }
        long b = VERSION_OVERHEAD + 8L * values.length;
        for (Object v : values) {
            b += estimateValue(v);
        }
        return (int) Math.min(Integer.MAX_VALUE, b);
    }

    private static long estimateValue(Object v) {
        if (v == null || v instanceof Boolean) {
            return 0;
        }
        if (v instanceof String s) {
            return 40 + s.length();
        }
        if (v instanceof byte[] a) {
            return 16 + a.length;
        }
        if (v instanceof BigDecimal d) {
            return 40 + d.unscaledValue().bitLength() / 8;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Float) {
            return 16;
        }
        return 24;
    }

    /** Reserves {@code bytes} for a new version, or fails with 53200 and reserves nothing. */
    void reserve(int bytes) {
        long now = used.addAndGet(bytes);
        if (now > limit) {
            used.addAndGet(-bytes);
            throw new SqlException("53200", "out of memory: the database holds " + mib(now - bytes)
                    + " MiB, limit " + mib(limit) + " MiB (db.memoryLimit)");
        }
        versions.incrementAndGet();
    }

    private static long mib(long bytes) {
        return (bytes + MIB / 2) / MIB;
    }

    /** Reserves without a limit: recovery loads what was committed, and a deletion must free space. */
    void force(int bytes) {
        used.addAndGet(bytes);
        versions.incrementAndGet();
    }

    void release(long bytes, long count) {
        used.addAndGet(-bytes);
        versions.addAndGet(-count);
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }

    long versions() {
        return versions.get();
    }
}
