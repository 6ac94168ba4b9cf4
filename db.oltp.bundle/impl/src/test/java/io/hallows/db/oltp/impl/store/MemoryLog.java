package io.hallows.db.oltp.impl.store;

import io.hallows.db.oltp.impl.wal.CommitLog;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A commit log in memory: its records in order, durable at once; it can be told to fail. */
final class MemoryLog implements CommitLog {
    private final List<byte[]> records = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized long append(byte[] record) {
        if (failing) {
            throw new SqlException("58030", "could not write to the log: disk full (test)");
        }
        records.add(record.clone());
        return records.size();
    }

    @Override
    public CompletableFuture<Void> durable(long lsn) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized long position() {
        return records.size();
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    /** The records appended after position {@code from}. */
    synchronized List<byte[]> after(long from) {
        return List.copyOf(records.subList((int) from, records.size()));
    }
}
