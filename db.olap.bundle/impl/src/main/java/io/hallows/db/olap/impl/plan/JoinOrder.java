package io.hallows.db.olap.impl.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Orders the inputs of each inner {@link MultiJoin} greedily into a left-deep tree: start from
 * the largest input (it streams through every hash join as the probe side), then repeatedly join
 * the connected input that gives the fewest rows. A join on {@code a = b} is estimated as
 * {@code |S| × |f| / max(ndv(a), ndv(b))} with distinct counts from the tables
 * ({@link ColumnDistincts}), so joining a fact table to a dimension's key does not multiply rows.
 * MultiJoins with outer joins go to Calcite's {@code LoptOptimizeJoinRule} instead.
 */
final class JoinOrder {
    private final RelBuilder builder;
    private final RexBuilder rexBuilder;
    private final UnaryOperator<RelNode> fallback;

    JoinOrder(RelBuilder builder, UnaryOperator<RelNode> fallback) {
        this.builder = builder;
        this.rexBuilder = builder.getRexBuilder();
        this.fallback = fallback;
    }

    RelNode apply(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode r = super.visit(other);
                return r instanceof MultiJoin m ? order(m) : r;
            }
        });
    }

    /** An equality between a column of input {@code a} and one of input {@code b} (local ordinals). */
    private record Edge(int a, int colA, int b, int colB) {}

    private RelNode order(MultiJoin m) {
        if (m.isFullOuterJoin() || m.getJoinTypes().stream().anyMatch(t -> t != JoinRelType.INNER)) {
            return fallback.apply(m);
        }
        List<RelNode> inputs = m.getInputs();
        int n = inputs.size();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + inputs.get(i).getRowType().getFieldCount();
        }
        RelMetadataQuery mq = m.getCluster().getMetadataQuery();
        List<RexNode> conjuncts = new ArrayList<>(RelOptUtil.conjunctions(m.getJoinFilter()));
        List<Edge> edges = new ArrayList<>();
        List<ImmutableBitSet> factors = new ArrayList<>();
        for (RexNode c : conjuncts) {
            ImmutableBitSet.Builder f = ImmutableBitSet.builder();
            for (int bit : RelOptUtil.InputFinder.bits(c)) {
                f.set(factor(start, bit));
            }
            factors.add(f.build());
            if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall call
                    && call.getOperands().get(0) instanceof RexInputRef x && call.getOperands().get(1) instanceof RexInputRef y) {
                int fx = factor(start, x.getIndex());
                int fy = factor(start, y.getIndex());
                if (fx != fy) {
                    edges.add(new Edge(fx, x.getIndex() - start[fx], fy, y.getIndex() - start[fy]));
                }
            }
        }
        double[] rows = new double[n];
        int first = 0;
        for (int i = 0; i < n; i++) {
            Double r = mq.getRowCount(inputs.get(i));
            rows[i] = r == null ? 1 : Math.max(1, r);
            if (rows[i] > rows[first]) {
                first = i;
            }
        }
        int[] order = new int[n];
        boolean[] in = new boolean[n];
        order[0] = first;
        in[first] = true;
        double card = rows[first];
        for (int k = 1; k < n; k++) {
            int best = -1;
            double bestCard = Double.MAX_VALUE;
            boolean bestConnected = false;
            for (int f = 0; f < n; f++) {
                if (in[f]) {
                    continue;
                }
                double est = card * rows[f];
                boolean connected = false;
                for (Edge e : edges) {
                    int mine = e.a() == f && in[e.b()] ? 0 : e.b() == f && in[e.a()] ? 1 : -1;
                    if (mine < 0) {
                        continue;
                    }
                    connected = true;
                    int other = mine == 0 ? e.b() : e.a();
                    double ndvF = ndv(mq, inputs.get(f), mine == 0 ? e.colA() : e.colB(), rows[f]);
                    double ndvS = Math.min(card, ndv(mq, inputs.get(other), mine == 0 ? e.colB() : e.colA(), rows[other]));
                    est /= Math.max(1, Math.max(ndvF, ndvS));
                }
                if (connected && !bestConnected || connected == bestConnected && est < bestCard) {
                    best = f;
                    bestCard = est;
                    bestConnected = connected;
                }
            }
            order[k] = best;
            in[best] = true;
            card = Math.max(1, bestCard);
        }
        return build(m, inputs, start, order, conjuncts, factors);
    }

    private RelNode build(MultiJoin m, List<RelNode> inputs, int[] start, int[] order, List<RexNode> conjuncts, List<ImmutableBitSet> factors) {
        int n = inputs.size();
        int[] pos = new int[start[n]];
        Arrays.fill(pos, -1);
        boolean[] used = new boolean[conjuncts.size()];
        ImmutableBitSet now = ImmutableBitSet.of();
        int width = 0;
        for (int k = 0; k < n; k++) {
            int f = order[k];
            for (int c = start[f]; c < start[f + 1]; c++) {
                pos[c] = width++;
            }
            now = now.set(f);
            List<RexNode> cond = new ArrayList<>();
            for (int c = 0; c < conjuncts.size(); c++) {
                if (!used[c] && now.contains(factors.get(c))) {
                    used[c] = true;
                    cond.add(RelOptUtilRefs.remap(conjuncts.get(c), pos, rexBuilder));
                }
            }
            builder.push(inputs.get(f));
            if (k == 0) {
                if (!cond.isEmpty()) {
                    builder.filter(cond);
                }
            } else {
                builder.join(JoinRelType.INNER, cond.isEmpty() ? rexBuilder.makeLiteral(true) : RexUtilAnd.and(rexBuilder, cond));
            }
        }
        List<RexNode> original = new ArrayList<>();
        for (int g = 0; g < start[n]; g++) {
            original.add(builder.field(pos[g]));
        }
        builder.project(original, m.getRowType().getFieldNames(), true);
        if (m.getPostJoinFilter() != null) {
            builder.filter(m.getPostJoinFilter());
        }
        return builder.build();
    }

    private static int factor(int[] start, int field) {
        int f = 0;
        while (start[f + 1] <= field) {
            f++;
        }
        return f;
    }

    /** Distinct values of column {@code col} of {@code input}, at most its rows; its rows when unknown. */
    private static double ndv(RelMetadataQuery mq, RelNode input, int col, double rows) {
        RelColumnOrigin origin = mq.getColumnOrigin(input, col);
        if (origin == null || origin.isDerived()) {
            return rows;
        }
        OlapSchema.OlapTable t = origin.getOriginTable().unwrap(OlapSchema.OlapTable.class);
        if (t == null) {
            return rows;
        }
        long d = ColumnDistincts.of(t.table)[origin.getOriginColumnOrdinal()];
        return d < 0 ? rows : Math.min(d, rows);
    }
}
