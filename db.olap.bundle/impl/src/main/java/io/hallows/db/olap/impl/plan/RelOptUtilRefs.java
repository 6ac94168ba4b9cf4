package io.hallows.db.olap.impl.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/** Column references of row expressions: which are used, and renumbering them. */
final class RelOptUtilRefs {
    private RelOptUtilRefs() {}

    static ImmutableBitSet refs(RexNode e) {
        return RelOptUtil.InputFinder.bits(e);
    }

    /** {@code e} with each input {@code i} replaced by input {@code map[i]}. */
    static RexNode remap(RexNode e, int[] map, RexBuilder rexBuilder) {
        return e.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return rexBuilder.makeInputRef(ref.getType(), map[ref.getIndex()]);
            }
        });
    }
}
