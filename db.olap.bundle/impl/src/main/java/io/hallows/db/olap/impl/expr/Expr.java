package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;

/**
 * A scalar expression evaluated on a whole batch at a time: one call per batch, a tight loop per
 * node. Implementations are immutable and thread-safe; they never modify their input vectors.
 */
public interface Expr {
    /** The physical type of the result. */
    Type type();

    /** The value for every row of {@code b}, a vector of at least {@code b.n()} rows. */
    Vec eval(Batch b);

    /** Its children (for constant folding and explain). */
    default java.util.List<Expr> children() {
        return java.util.List.of();
    }
}
