package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.expr.Expr;
import java.util.List;

/** Keeps the rows where a condition is true. */
public final class Filter extends Node {
    private final Expr condition;

    public Filter(Node input, Expr condition) {
        super(input.types(), List.of(input));
        this.condition = condition;
    }

    @Override
    public String describe() {
        return "Filter " + condition;
    }

    @Override
    public Flow open(Exec ex) {
        return map(inputs().get(0).open(ex), b -> apply(condition, b));
    }

    static Batch apply(Expr condition, Batch b) {
        int[] sel = new int[b.n()];
        int k = Selection.of((LongVec) condition.eval(b), b.n(), sel);
        return k == b.n() ? b : b.gather(sel, k);
    }
}
