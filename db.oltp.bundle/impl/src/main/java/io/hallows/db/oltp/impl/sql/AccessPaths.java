package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.IndexDef;
import io.hallows.db.oltp.impl.store.Row;
import io.hallows.db.oltp.impl.store.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Chooses how a filtered table is read: {@code Txn.get} when the condition fixes the whole
 * primary key; else {@code Txn.range} over the index whose leading columns the condition fixes
 * (equalities, then one range on the next column); else a scan. The whole condition is still
 * applied to every row read, so a path only has to return a superset of the matches.
 */
final class AccessPaths {
    private final RexCompiler rex;

    AccessPaths(RexCompiler rex) {
        this.rex = rex;
    }

    /** A column compared with a row-independent value. */
    private record Bound(int column, SqlKind op, RexNode value) {
    }

    Ops.Access access(Table table, RexNode condition) {
        if (condition == null) {
            return Ops.scan(table);
        }
        List<Bound> bounds = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(RexUtil.expandSearch(rex.rexBuilder(), null, condition))) {
            if (c instanceof RexCall call && call.getOperands().size() == 2) {
                bound(bounds, call.getKind(), call.getOperands().get(0), call.getOperands().get(1));
                bound(bounds, call.getKind().reverse(), call.getOperands().get(1), call.getOperands().get(0));
            }
        }
        if (bounds.isEmpty()) {
            return Ops.scan(table);
        }
        List<Integer> pk = table.def().primaryKey();
        if (!pk.isEmpty()) {
            List<RexNode> key = equalities(bounds, pk);
            if (key.size() == pk.size()) {
                return Ops.pkGet(table, rex.compile(key), columns(table, pk));
            }
        }
        IndexDef best = null;
        int bestScore = 0;
        for (IndexDef index : table.indexes()) {
            int eq = equalities(bounds, index.columns()).size();
            int score = eq * 2 + (eq < index.columns().size() && hasRange(bounds, index.columns().get(eq)) ? 1 : 0);
            if (score > bestScore) {
                best = index;
                bestScore = score;
            }
        }
        return best == null ? Ops.scan(table) : range(table, best, bounds);
    }

    private void bound(List<Bound> bounds, SqlKind op, RexNode column, RexNode value) {
        RexNode col = column.getKind() == SqlKind.CAST ? ((RexCall) column).getOperands().get(0) : column;
        switch (op) {
            case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                if (col instanceof RexInputRef ref && constant(value)) {
                    bounds.add(new Bound(ref.getIndex(), op, value));
                }
            }
            default -> { }
        }
    }

    private static boolean constant(RexNode n) {
        return RexUtil.isConstant(n) || n.getKind() == SqlKind.DYNAMIC_PARAM
                || n instanceof RexCall c && c.getKind() != SqlKind.OTHER_FUNCTION
                        && c.getOperands().stream().allMatch(AccessPaths::constant);
    }

    /** The values fixing the leading columns of {@code key}, as far as equalities reach. */
    private static List<RexNode> equalities(List<Bound> bounds, List<Integer> key) {
        List<RexNode> out = new ArrayList<>();
        for (int column : key) {
            RexNode v = find(bounds, column, SqlKind.EQUALS);
            if (v == null) {
                break;
            }
            out.add(v);
        }
        return out;
    }

    private static RexNode find(List<Bound> bounds, int column, SqlKind... ops) {
        for (Bound b : bounds) {
            if (b.column() == column && List.of(ops).contains(b.op())) {
                return b.value();
            }
        }
        return null;
    }

    private static boolean hasRange(List<Bound> bounds, int column) {
        return find(bounds, column, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
                SqlKind.GREATER_THAN_OR_EQUAL) != null;
    }

    private Ops.Access range(Table table, IndexDef index, List<Bound> bounds) {
        List<RexNode> prefix = equalities(bounds, index.columns());
        List<ColumnDef> cols = columns(table, index.columns());
        List<Expr> low = new ArrayList<>(rex.compile(prefix));
        List<Expr> high = new ArrayList<>(low);
        boolean lowInclusive = true;
        boolean highInclusive = true;
        if (prefix.size() < index.columns().size()) {
            int next = index.columns().get(prefix.size());
            RexNode lo = find(bounds, next, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);
            RexNode hi = find(bounds, next, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL);
            if (lo != null) {
                low.add(rex.compile(lo));
                lowInclusive = find(bounds, next, SqlKind.GREATER_THAN_OR_EQUAL) == lo;
            }
            if (hi != null) {
                high.add(rex.compile(hi));
                highInclusive = find(bounds, next, SqlKind.LESS_THAN_OR_EQUAL) == hi;
            }
        }
        boolean li = lowInclusive;
        boolean hiInc = highInclusive;
        return (ex, visitor) -> {
            Object[] lo = values(low, cols, ex);
            Object[] hi = values(high, cols, ex);
            if (lo == NO_MATCH || hi == NO_MATCH) {
                return;
            }
            Iterator<Row> it = ex.txn.range(table, index, lo, li, hi, hiInc);
            while (it.hasNext()) {
                ex.tick();
                if (!visitor.test(it.next())) {
                    return;
                }
            }
        };
    }

    private static final Object[] NO_MATCH = new Object[0];

    /** The bound's values in the index columns' types; a NULL bound matches nothing. Empty: unbounded. */
    private static Object[] values(List<Expr> exprs, List<ColumnDef> cols, Exec ex) {
        if (exprs.isEmpty()) {
            return null;
        }
        Object[] out = new Object[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = exprs.get(i).eval(null, ex);
            if (v == null) {
                return NO_MATCH;
            }
            ColumnDef c = cols.get(i);
            out[i] = Values.coerce(v, c.type(), c.length(), c.scale(), false);
        }
        return out;
    }

    private static List<ColumnDef> columns(Table table, List<Integer> indexes) {
        List<ColumnDef> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(table.def().columns().get(i));
        }
        return out;
    }
}
