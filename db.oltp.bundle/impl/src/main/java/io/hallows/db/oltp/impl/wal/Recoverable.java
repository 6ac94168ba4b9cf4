package io.hallows.db.oltp.impl.wal;

import java.util.function.Consumer;

/** What the log needs from the store to write checkpoints and to recover. */
public interface Recoverable {
    /**
     * Writes a consistent snapshot of the store (catalog first, then every row) to {@code sink},
     * one record per call, while writes go on, and returns the log position it covers: every
     * commit appended before it is in the snapshot, none after it. The store takes that position
     * ({@link CommitLog#position()}) atomically with its snapshot.
     */
    long snapshot(Consumer<byte[]> sink);

    /** Recovery, step 1: one record of the newest whole checkpoint, in the order written. */
    void loadSnapshotRecord(byte[] record);

    /** Recovery, step 2: one log record after the checkpoint, in log order. */
    void redo(byte[] record);
}
