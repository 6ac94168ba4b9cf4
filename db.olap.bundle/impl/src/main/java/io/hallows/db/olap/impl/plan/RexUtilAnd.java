package io.hallows.db.olap.impl.plan;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/** The conjunction of conditions (one condition as itself). */
final class RexUtilAnd {
    private RexUtilAnd() {}

    static RexNode and(RexBuilder rexBuilder, List<RexNode> conditions) {
        return RexUtil.composeConjunction(rexBuilder, conditions);
    }
}
