package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** Computes one expression per output column, a whole vector at a time. */
public final class Project extends Node {
    private final List<Expr> exprs;

    public Project(Node input, List<Expr> exprs) {
        super(types(exprs), List.of(input));
        this.exprs = List.copyOf(exprs);
    }

    private static List<Type> types(List<Expr> exprs) {
        List<Type> t = new ArrayList<>();
        for (Expr e : exprs) {
            t.add(e.type());
        }
        return t;
    }

    @Override
    public String describe() {
        return "Project " + exprs;
    }

    @Override
    public Flow open(Exec ex) {
        return map(inputs().get(0).open(ex), b -> {
            Vec[] cols = new Vec[exprs.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = exprs.get(c).eval(b);
            }
            return new Batch(cols, b.n());
        });
    }
}
