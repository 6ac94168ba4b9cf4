package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Store;
import io.hallows.db.oltp.impl.store.Txn;
import io.hallows.sql.api.SqlException;
import java.time.LocalDateTime;
import java.util.function.BooleanSupplier;

/** What one execution of a plan runs with: the transaction, the parameters, the statement's clock and its cancel flag. */
final class Exec {
    final Store store;
    final Txn txn;
    final Object[] params;
    final LocalDateTime now;
    private final BooleanSupplier cancelled;
    private int ticks;

    Exec(Store store, Txn txn, Object[] params, LocalDateTime now, BooleanSupplier cancelled) {
        this.store = store;
        this.txn = txn;
        this.params = params;
        this.now = now;
        this.cancelled = cancelled;
    }

    /** Called per row: stops the statement when it was cancelled (checked every 256 rows, to keep rows cheap). */
    void tick() {
        if ((++ticks & 255) == 0 && cancelled.getAsBoolean()) {
            throw new SqlException("57014", "canceling statement due to user request");
        }
    }
}
