package io.hallows.db.oltp.impl.store;

/** The isolation levels, as PostgreSQL names them (READ UNCOMMITTED behaves as READ COMMITTED). */
public enum Isolation {
    /** A new snapshot per statement; a write to a row another transaction changed waits for it, then re-checks the newest version. */
    READ_COMMITTED,
    /** One snapshot per transaction (snapshot isolation); a write to a row changed since the snapshot fails with 40001. */
    REPEATABLE_READ,
    /** Snapshot isolation plus validation at commit: any execution is equivalent to some serial order, else 40001. */
    SERIALIZABLE
}
