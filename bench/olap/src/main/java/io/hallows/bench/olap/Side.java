package io.hallows.bench.olap;

/** One engine under measurement, holding the TPC-H tables. */
interface Side extends AutoCloseable {
    String name();

    /** How many threads the next queries may use. */
    void threads(int n) throws Exception;

    /** Runs {@code sql} to its last row (every batch or row fetched); returns the row count. */
    long run(String sql) throws Exception;

    /** The engine's own EXPLAIN ANALYZE of {@code sql}: its plan with rows and time per operator. */
    String explainAnalyze(String sql) throws Exception;
}
