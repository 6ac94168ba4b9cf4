package io.hallows.db.olap.impl.exec;

import java.util.List;

/** Rows given in the plan (VALUES, or the one empty row of a SELECT without FROM). */
public final class Values extends Node {
    private final Batch rows;

    public Values(List<Type> types, Batch rows) {
        super(types, List.of());
        this.rows = rows;
    }

    @Override
    public String describe() {
        return "Values " + rows.n() + " rows";
    }

    @Override
    public Flow open(Exec ex) {
        return ready(List.of(rows));
    }
}
