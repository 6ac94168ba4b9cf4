package io.hallows.db.olap.impl.exec;

import io.hallows.sql.api.SqlException;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Counts a query's heap state (hash tables, aggregates, sort buffers, results) against its
 * Arrow allocator: the engine's working data lives in primitive arrays on the heap, where tight
 * loops run fastest, but it is reserved in the allocator first, so the OLAP memory limit bounds
 * it exactly as it bounds Arrow vectors. Thread-safe. {@link #close()} gives everything back.
 */
public final class Memory implements AutoCloseable {
    private final BufferAllocator allocator;
    private AllocationReservation reservation;
    private long reserved;

    public Memory(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** Reserves {@code bytes}; fails the query with 53200 when over the limit. */
    public synchronized void reserve(long bytes) {
        if (bytes <= 0) {
            return;
        }
        if (reservation == null) {
            reservation = allocator.newReservation();
        }
        boolean ok;
        try {
            ok = reservation.add(bytes);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw overLimit(allocator);
        }
        reserved += bytes;
    }

    public synchronized long reserved() {
        return reserved;
    }

    public static SqlException overLimit(BufferAllocator allocator) {
        return new SqlException("53200", "query needs more than the OLAP memory limit of " + mib(allocator.getLimit()),
                0, null, "make the query smaller (more selective filters, fewer groups) or raise the memory limit", null);
    }

    private static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    @Override
    public synchronized void close() {
        if (reservation != null) {
            reservation.close();
            reservation = null;
            reserved = 0;
        }
    }
}
