package io.hallows.db.olap.impl.exec;

/**
 * The output of an operator as independent morsels: morsel {@code i} is computed on demand, by
 * any thread, and morsels together in index order are the operator's rows in order. Pipeline
 * breakers (join builds, aggregations, sorts) have run by the time their flow exists.
 */
public interface Flow {
    int morsels();

    /** Morsel {@code i}; may have zero rows. */
    Batch morsel(int i);
}
