package io.hallows.db.olap.impl.exec;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * A physical operator. {@link #open} runs whatever must finish before the first row can come
 * out (join builds, aggregations, sorts) and returns the operator's rows as a {@link Flow}. A node
 * counts the rows it produced and the time it spent (its own work, not its inputs'), which
 * EXPLAIN ANALYZE shows. A plan is used by one query at a time.
 */
public abstract class Node {
    private final List<Type> types;
    private final List<Node> inputs;
    private double estimatedRows = Double.NaN;
    private final LongAdder rows = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    protected Node(List<Type> types, List<Node> inputs) {
        this.types = List.copyOf(types);
        this.inputs = List.copyOf(inputs);
    }

    /** The output's column types. */
    public final List<Type> types() {
        return types;
    }

    public final List<Node> inputs() {
        return inputs;
    }

    public final Node estimate(double rows) {
        this.estimatedRows = rows;
        return this;
    }

    /** The operator's name and details for EXPLAIN, one line. */
    public abstract String describe();

    /** Runs what must run first and returns the operator's rows. */
    public abstract Flow open(Exec ex);

    /** Adds to the time this operator spent. */
    protected final void spent(long startNanos) {
        nanos.add(System.nanoTime() - startNanos);
    }

    protected final void produced(long n) {
        rows.add(n);
    }

    /** {@code input} with {@code f} applied to each morsel, timed and counted as this node's work. */
    protected final Flow map(Flow input, UnaryOperator<Batch> f) {
        return new Flow() {
            @Override
            public int morsels() {
                return input.morsels();
            }

            @Override
            public Batch morsel(int i) {
                Batch in = input.morsel(i);
                if (in == null) {
                    return null;
                }
                long t = System.nanoTime();
                Batch out = f.apply(in);
                spent(t);
                produced(out.n());
                return out;
            }
        };
    }

    /** A flow over batches already made (the output of a pipeline breaker), counted as produced. */
    protected final Flow ready(List<Batch> batches) {
        for (Batch b : batches) {
            produced(b.n());
        }
        return new Flow() {
            @Override
            public int morsels() {
                return batches.size();
            }

            @Override
            public Batch morsel(int i) {
                return batches.get(i);
            }
        };
    }

    /** The plan from this node down, one line per operator, indented by depth. */
    public final String explain(boolean analyze) {
        StringBuilder s = new StringBuilder();
        explain(s, 0, analyze);
        return s.toString();
    }

    private void explain(StringBuilder s, int depth, boolean analyze) {
        s.append("  ".repeat(depth)).append(describe());
        if (!Double.isNaN(estimatedRows)) {
            s.append("  (est. rows ").append(Math.round(estimatedRows)).append(')');
        }
        if (analyze) {
            s.append("  (rows ").append(rows.sum()).append(", time ")
                    .append(String.format(java.util.Locale.ROOT, "%.3f ms", nanos.sum() / 1e6)).append(')');
        }
        s.append('\n');
        for (Node in : inputs) {
            in.explain(s, depth + 1, analyze);
        }
    }

    /** Splits a big batch into morsel-sized batches so the next pipeline can run in parallel. */
    protected static List<Batch> split(Batch b) {
        int size = io.hallows.db.olap.impl.table.Chunk.MAX_ROWS / 2;
        if (b.n() <= size) {
            return List.of(b);
        }
        List<Batch> out = new java.util.ArrayList<>();
        for (int from = 0; from < b.n(); from += size) {
            int count = Math.min(size, b.n() - from);
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            out.add(b.gather(rows, count));
        }
        return out;
    }
}
