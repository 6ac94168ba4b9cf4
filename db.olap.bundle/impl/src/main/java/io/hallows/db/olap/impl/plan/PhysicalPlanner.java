package io.hallows.db.olap.impl.plan;

import io.hallows.db.olap.impl.exec.AggCall;
import io.hallows.db.olap.impl.exec.Aggregate;
import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.Filter;
import io.hallows.db.olap.impl.exec.Node;
import io.hallows.db.olap.impl.exec.Project;
import io.hallows.db.olap.impl.exec.Scan;
import io.hallows.db.olap.impl.exec.Sort;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.UnionAll;
import io.hallows.db.olap.impl.exec.Values;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.db.olap.impl.exec.Vecs;
import io.hallows.db.olap.impl.expr.Const;
import io.hallows.db.olap.impl.expr.Expr;
import io.hallows.db.olap.impl.expr.ExprCompiler;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * An optimized Calcite plan to the engine's operators. A filter and projection right above a
 * table scan become the scan's own filter and column list (only the columns used are read).
 */
public final class PhysicalPlanner {
    private final RexBuilder rexBuilder;
    private final RelMetadataQuery mq;

    public PhysicalPlanner(RexBuilder rexBuilder, RelMetadataQuery mq) {
        this.rexBuilder = rexBuilder;
        this.mq = mq;
    }

    public Node compile(RelNode rel) {
        Node n = node(rel);
        Double rows = mq.getRowCount(rel);
        return rows == null ? n : n.estimate(rows);
    }

    private Node node(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan, null, null);
        }
        if (rel instanceof LogicalFilter || rel instanceof LogicalProject) {
            Node scan = scanStack(rel);
            if (scan != null) {
                return scan;
            }
        }
        if (rel instanceof LogicalFilter f) {
            Node in = compile(f.getInput());
            return new Filter(in, exprs(in).compile(f.getCondition()));
        }
        if (rel instanceof LogicalProject p) {
            Node in = compile(p.getInput());
            return new Project(in, exprs(in).compile(p.getProjects()));
        }
        if (rel instanceof LogicalJoin j) {
            return new JoinPlanner(rexBuilder, mq).join(j, compile(j.getLeft()), compile(j.getRight()));
        }
        if (rel instanceof LogicalAggregate a) {
            return aggregate(a, compile(a.getInput()));
        }
        if (rel instanceof LogicalSort s) {
            return sort(s, compile(s.getInput()));
        }
        if (rel instanceof LogicalValues v) {
            return values(v);
        }
        if (rel instanceof LogicalUnion u) {
            List<Node> ins = new ArrayList<>();
            for (RelNode r : u.getInputs()) {
                ins.add(compile(r));
            }
            Node all = new UnionAll(ins.get(0).types(), ins);
            if (u.all) {
                return all;
            }
            int[] keys = new int[all.types().size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i;
            }
            return new Aggregate(all, keys, List.of());
        }
        throw new SqlException("0A000", "the OLAP engine cannot run " + rel.getRelTypeName()
                + (rel.getRelTypeName().contains("Correlate") ? " (a correlated subquery it could not turn into a join)" : ""));
    }

    /**
     * Filters and projections stacked on a table scan, composed into one scan filter and one list
     * of expressions over the table's columns; null when {@code rel} is not such a stack.
     */
    private Node scanStack(RelNode rel) {
        List<RelNode> stack = new ArrayList<>();
        RelNode r = rel;
        while (r instanceof LogicalFilter || r instanceof LogicalProject) {
            stack.add(r);
            r = r.getInput(0);
        }
        if (!(r instanceof TableScan scan)) {
            return null;
        }
        List<RexNode> exprs = null; // null: the table's columns as they are
        List<RexNode> filters = new ArrayList<>();
        for (int i = stack.size() - 1; i >= 0; i--) {
            RelNode op = stack.get(i);
            if (op instanceof LogicalFilter f) {
                filters.add(exprs == null ? f.getCondition() : RelOptUtil.pushPastProject(f.getCondition(), project(scan, exprs)));
            } else {
                LogicalProject p = (LogicalProject) op;
                exprs = exprs == null ? p.getProjects() : RelOptUtil.pushPastProject(p.getProjects(), project(scan, exprs));
            }
        }
        RexNode filter = filters.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, filters);
        return scan(scan, filter, exprs);
    }

    /** A projection with {@code exprs} (for substituting expressions into the ones above). */
    private static LogicalProject project(RelNode input, List<RexNode> exprs) {
        return LogicalProject.create(input, List.of(), exprs, (List<String>) null, java.util.Set.of());
    }

    private ExprCompiler exprs(Node in) {
        return new ExprCompiler(rexBuilder, in.types());
    }

    /** A scan of the columns {@code filter} and {@code projects} use (all columns without projects). */
    private Node scan(TableScan scan, RexNode filter, List<RexNode> projects) {
        OlapSchema.OlapTable t = scan.getTable().unwrap(OlapSchema.OlapTable.class);
        if (t == null) {
            throw new SqlException("0A000", "table " + scan.getTable().getQualifiedName() + " is not an OLAP table");
        }
        Table table = t.table;
        int width = table.columns().size();
        ImmutableBitSet used;
        if (projects == null) {
            used = ImmutableBitSet.range(width);
        } else {
            ImmutableBitSet.Builder b = ImmutableBitSet.builder();
            for (RexNode p : projects) {
                b.addAll(RelOptUtilRefs.refs(p));
            }
            if (filter != null) {
                b.addAll(RelOptUtilRefs.refs(filter));
            }
            used = b.build();
        }
        int[] columns = used.toArray();
        int[] map = new int[width];
        for (int i = 0; i < columns.length; i++) {
            map[columns[i]] = i;
        }
        List<Type> types = new ArrayList<>();
        for (int c : columns) {
            types.add(Type.of(table.columns().get(c)));
        }
        ExprCompiler compiler = new ExprCompiler(rexBuilder, types);
        Expr f = filter == null ? null : compiler.compile(RelOptUtilRefs.remap(filter, map, rexBuilder));
        Node s = new Scan(table, columns, f);
        if (projects == null) {
            return s;
        }
        List<Expr> exprs = new ArrayList<>();
        boolean identity = projects.size() == columns.length;
        for (int i = 0; i < projects.size(); i++) {
            Expr e = compiler.compile(RelOptUtilRefs.remap(projects.get(i), map, rexBuilder));
            identity &= e instanceof io.hallows.db.olap.impl.expr.ColRef r && r.index() == i;
            exprs.add(e);
        }
        if (identity) {
            return s;
        }
        Double rows = mq.getRowCount(scan);
        return new Project(rows == null ? s : s.estimate(rows), exprs);
    }

    private Node aggregate(LogicalAggregate a, Node in) {
        if (a.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
            throw new SqlException("0A000", "GROUPING SETS, ROLLUP and CUBE are not supported by the OLAP engine");
        }
        List<AggCall> calls = new ArrayList<>();
        for (AggregateCall c : a.getAggCallList()) {
            if (c.isDistinct() || c.filterArg >= 0 || c.getArgList().size() > 1) {
                throw new SqlException("0A000", "aggregate " + c + " is not supported by the OLAP engine");
            }
            int arg = c.getArgList().isEmpty() ? -1 : c.getArgList().get(0);
            Type argType = arg < 0 ? null : in.types().get(arg);
            AggCall.Fn fn = switch (c.getAggregation().getKind()) {
                case SUM -> AggCall.Fn.SUM;
                case SUM0 -> AggCall.Fn.SUM0;
                case COUNT -> AggCall.Fn.COUNT;
                case AVG -> AggCall.Fn.AVG;
                case MIN -> AggCall.Fn.MIN;
                case MAX -> AggCall.Fn.MAX;
                case SINGLE_VALUE -> AggCall.Fn.SINGLE_VALUE;
                case ANY_VALUE -> AggCall.Fn.ANY_VALUE;
                case LITERAL_AGG -> AggCall.Fn.LITERAL;
                default -> throw new SqlException("0A000", "aggregate function " + c.getAggregation().getName() + " is not supported by the OLAP engine");
            };
            if (fn == AggCall.Fn.LITERAL) {
                Const k = (Const) new ExprCompiler(rexBuilder, List.of()).compile(c.rexList.get(0));
                calls.add(new AggCall(fn, -1, null, k.value(), k.type()));
            } else {
                calls.add(new AggCall(fn, arg, argType, null, null));
            }
        }
        return new Aggregate(in, a.getGroupSet().toArray(), calls);
    }

    private Node sort(LogicalSort s, Node in) {
        List<Sort.Key> keys = new ArrayList<>();
        for (RelFieldCollation c : s.getCollation().getFieldCollations()) {
            boolean desc = c.getDirection().isDescending();
            boolean nullsFirst = switch (c.nullDirection) {
                case FIRST -> true;
                case LAST -> false;
                default -> desc; // PostgreSQL: NULLs sort as if larger than any value
            };
            keys.add(new Sort.Key(c.getFieldIndex(), desc, nullsFirst));
        }
        long offset = s.offset == null ? 0 : RexLiteral.longValue(s.offset);
        long fetch = s.fetch == null ? -1 : RexLiteral.longValue(s.fetch);
        if (keys.isEmpty() && offset == 0 && fetch < 0) {
            return in;
        }
        return new Sort(in, keys, offset, fetch);
    }

    private Node values(LogicalValues v) {
        List<Type> types = new ArrayList<>();
        for (var f : v.getRowType().getFieldList()) {
            types.add(io.hallows.db.olap.impl.expr.Types.of(f.getType()));
        }
        int n = v.getTuples().size();
        Vec[] cols = new Vec[types.size()];
        ExprCompiler compiler = new ExprCompiler(rexBuilder, List.of());
        for (int c = 0; c < cols.length; c++) {
            List<Batch> rows = new ArrayList<>();
            for (var tuple : v.getTuples()) {
                Const k = (Const) compiler.castTo(compiler.compile(tuple.get(c)), types.get(c));
                rows.add(new Batch(new Vec[] {Vecs.constant(types.get(c), k.value(), 1)}, 1));
            }
            cols[c] = rows.isEmpty() ? Vecs.nulls(types.get(c), 0) : Batch.concat(rows, List.of(types.get(c))).col(0);
        }
        return new Values(types, new Batch(cols, n));
    }
}
