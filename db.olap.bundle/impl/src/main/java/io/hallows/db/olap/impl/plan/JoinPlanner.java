package io.hallows.db.olap.impl.plan;

import io.hallows.db.olap.impl.exec.HashJoin;
import io.hallows.db.olap.impl.exec.Node;
import io.hallows.db.olap.impl.exec.Project;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.expr.ColRef;
import io.hallows.db.olap.impl.expr.Expr;
import io.hallows.db.olap.impl.expr.ExprCompiler;
import io.hallows.db.olap.impl.expr.Types;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * A join to a {@link HashJoin}: equality conjuncts become keys (cast to a common type when the
 * sides differ), the rest a residual condition. RIGHT joins run as LEFT joins with the inputs
 * swapped; an INNER join builds its hash table on the side estimated smaller.
 */
final class JoinPlanner {
    private final RexBuilder rexBuilder;
    private final RelMetadataQuery mq;

    JoinPlanner(RexBuilder rexBuilder, RelMetadataQuery mq) {
        this.rexBuilder = rexBuilder;
        this.mq = mq;
    }

    Node join(LogicalJoin j, Node left, Node right) {
        JoinRelType type = j.getJoinType();
        if (type == JoinRelType.FULL) {
            throw new SqlException("0A000", "FULL OUTER JOIN is not supported by the OLAP engine");
        }
        List<Integer> lk = new ArrayList<>();
        List<Integer> rk = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        RexNode rest = RelOptUtil.splitJoinCondition(j.getLeft(), j.getRight(), j.getCondition(), lk, rk, filterNulls);
        boolean hasResidual = !rest.isAlwaysTrue();
        if (type == JoinRelType.RIGHT) {
            // Swap: probe the right input, build the left; then put the columns back in order.
            int lw = left.types().size();
            int rw = right.types().size();
            Node swapped = hashJoin(HashJoin.Kind.LEFT, right, left, rk, lk, filterNulls,
                    hasResidual ? swapRefs(rest, lw, rw) : null, false);
            List<Expr> reorder = new ArrayList<>();
            for (int i = 0; i < lw; i++) {
                reorder.add(new ColRef(rw + i, swapped.types().get(rw + i)));
            }
            for (int i = 0; i < rw; i++) {
                reorder.add(new ColRef(i, swapped.types().get(i)));
            }
            return new Project(swapped, reorder);
        }
        HashJoin.Kind kind = switch (type) {
            case INNER -> HashJoin.Kind.INNER;
            case LEFT -> HashJoin.Kind.LEFT;
            case SEMI -> HashJoin.Kind.SEMI;
            case ANTI -> HashJoin.Kind.ANTI;
            default -> throw new SqlException("0A000", type + " join is not supported by the OLAP engine");
        };
        Double lr = mq.getRowCount(j.getLeft());
        Double rr = mq.getRowCount(j.getRight());
        boolean buildLeft = lr != null && rr != null && lr < rr;
        return hashJoin(kind, left, right, lk, rk, filterNulls, hasResidual ? rest : null, buildLeft);
    }

    private Node hashJoin(HashJoin.Kind kind, Node left, Node right, List<Integer> lk, List<Integer> rk,
            List<Boolean> filterNulls, RexNode residual, boolean buildLeft) {
        List<Expr> leftKeys = new ArrayList<>();
        List<Expr> rightKeys = new ArrayList<>();
        boolean[] nullSafe = new boolean[lk.size()];
        for (int i = 0; i < lk.size(); i++) {
            Expr l = new ColRef(lk.get(i), left.types().get(lk.get(i)));
            Expr r = new ColRef(rk.get(i), right.types().get(rk.get(i)));
            if (!l.type().equals(r.type())) {
                Type common = Types.unify(List.of(l.type(), r.type()), l.type());
                ExprCompiler c = new ExprCompiler(rexBuilder, List.of());
                l = c.castTo(l, common);
                r = c.castTo(r, common);
            }
            leftKeys.add(l);
            rightKeys.add(r);
            nullSafe[i] = !filterNulls.get(i);
        }
        Expr res = null;
        if (residual != null) {
            List<Type> both = new ArrayList<>(left.types());
            both.addAll(right.types());
            res = new ExprCompiler(rexBuilder, both).compile(residual);
        }
        return new HashJoin(kind, left, right, leftKeys, rightKeys, nullSafe, res, buildLeft);
    }

    /** A condition over (left ++ right) rewritten over (right ++ left). */
    private RexNode swapRefs(RexNode e, int lw, int rw) {
        int[] map = new int[lw + rw];
        for (int i = 0; i < lw; i++) {
            map[i] = rw + i;
        }
        for (int i = 0; i < rw; i++) {
            map[lw + i] = i;
        }
        return RelOptUtilRefs.remap(e, map, rexBuilder);
    }
}
