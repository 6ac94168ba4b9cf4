package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;

/** Column {@code index} of the input. */
public record ColRef(int index, Type type) implements Expr {
    @Override
    public Vec eval(Batch b) {
        return b.col(index);
    }

    @Override
    public String toString() {
        return "$" + index;
    }
}
