package io.hallows.db.oltp.impl.wal;

import java.io.IOException;

/** What tests may watch (and break) around each force; production uses {@link #NONE}. */
interface ForceObserver {
    ForceObserver NONE = new ForceObserver() {
    };

    /** Before the force of a batch ending at {@code lsn}; an IOException here fails the log as a failed force would. */
    default void beforeForce(long lsn) throws IOException {
    }

    /** After the force returned: every record up to {@code lsn} is on disk; no future is completed yet. */
    default void forced(long lsn) {
    }
}
