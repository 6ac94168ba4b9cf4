package io.hallows.db.oltp.impl.store;

/**
 * One version of a row in its chain (newest first). {@code values} is null for a deletion.
 * {@link #ts} is 0 while the writing transaction runs, its commit timestamp once it commits, and
 * {@link #ABORTED} once it is undone; {@link #owner} names the writer until it commits. Readers take
 * no lock: the commit sets {@code ts} before it publishes the timestamp to new snapshots.
 */
final class Version implements Row {
    static final long ABORTED = -1;

    final Object[] values;
    final Chain chain;
    final int bytes;
    /** The writer's statement number: a statement does not see its own writes (no Halloween problem). */
    final int statement;
    volatile Version next;
    volatile long ts;
    volatile MvccTxn owner;

    Version(Object[] values, Chain chain, int bytes, MvccTxn owner, int statement) {
        this.values = values;
        this.chain = chain;
        this.bytes = bytes;
        this.owner = owner;
        this.statement = statement;
    }

    /** A version already committed at {@code ts} (recovery, checkpoints). */
    static Version committed(Object[] values, Chain chain, int bytes, long ts) {
        Version v = new Version(values, chain, bytes, null, 0);
        v.ts = ts;
        return v;
    }

    @Override
    public Object[] values() {
        return values;
    }

    boolean deleted() {
        return values == null;
    }

    boolean committed() {
        return ts > 0;
    }

    boolean pending() {
        return ts == 0;
    }

    /**
     * The version visible from here down, or null: committed at or before {@code snapshot}, or
     * written by {@code reader} in a statement before {@code statement}.
     */
    Version visibleFrom(MvccTxn reader, long snapshot, int statement) {
        for (Version v = this; v != null; v = v.next) {
            long t = v.ts;
            if (t > 0 ? t <= snapshot : t == 0 && v.owner == reader && v.statement < statement) {
                return v.values == null ? null : v;
            }
        }
        return null;
    }

    void commit(long commitTs) {
        ts = commitTs;
        owner = null;
    }

    void abort() {
        ts = ABORTED;
        owner = null;
    }
}
