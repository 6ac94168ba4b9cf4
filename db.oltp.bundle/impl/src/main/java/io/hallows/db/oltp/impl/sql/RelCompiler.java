package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Table;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/** Compiles Calcite's logical plan to {@link Op}s; a filtered table is read by the path {@link AccessPaths} chooses. */
final class RelCompiler {
    final RexCompiler rex;

    RelCompiler(RexCompiler rex) {
        this.rex = rex;
    }

    Op compile(RelNode rel) {
        if (rel instanceof LogicalFilter f && f.getInput() instanceof TableScan scan) {
            return tableRows(scan, f.getCondition());
        }
        if (rel instanceof TableScan scan) {
            return tableRows(scan, null);
        }
        if (rel instanceof LogicalFilter f) {
            return Ops.filter(compile(f.getInput()), rex.compile(f.getCondition()));
        }
        if (rel instanceof LogicalProject p) {
            if (RexUtil.isIdentity(p.getProjects(), p.getInput().getRowType())) {
                return compile(p.getInput());
            }
            return Ops.project(compile(p.getInput()), rex.compile(p.getProjects()));
        }
        if (rel instanceof LogicalValues v) {
            List<List<Expr>> rows = new ArrayList<>();
            for (var tuple : v.getTuples()) {
                rows.add(tuple.stream().map(l -> (Expr) rex.compile(l)).toList());
            }
            return Ops.values(rows);
        }
        if (rel instanceof LogicalSort s) {
            return Ops.sort(compile(s.getInput()), order(s.getCollation().getFieldCollations()),
                    s.offset == null ? null : rex.compile(s.offset), s.fetch == null ? null : rex.compile(s.fetch));
        }
        if (rel instanceof LogicalAggregate a) {
            if (a.getGroupSets().size() > 1) {
                throw new SqlException("0A000", "GROUPING SETS are not supported");
            }
            return Aggregates.aggregate(compile(a.getInput()), a.getGroupSet().toArray(),
                    a.getAggCallList().stream().map(Aggregates.Call::of).toList());
        }
        if (rel instanceof LogicalJoin j) {
            return join(j);
        }
        if (rel instanceof LogicalUnion u) {
            return Ops.union(u.getInputs().stream().map(this::compile).toList(), u.all);
        }
        if (rel instanceof LogicalTableFunctionScan f && f.getCall() instanceof RexCall call
                && call.getOperator().getName().equalsIgnoreCase("generate_series") && call.getOperands().size() == 2) {
            boolean bigint = f.getRowType().getFieldList().get(0).getType().getSqlTypeName() == SqlTypeName.BIGINT;
            return Ops.generateSeries(rex.compile(call.getOperands().get(0)), rex.compile(call.getOperands().get(1)), bigint);
        }
        throw new SqlException("0A000", "query shape not supported: " + rel.getRelTypeName());
    }

    private Op join(LogicalJoin j) {
        JoinRelType type = j.getJoinType();
        if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
            throw new SqlException("0A000", type + " joins are not supported");
        }
        JoinInfo info = JoinInfo.of(j.getLeft(), j.getRight(), j.getCondition());
        boolean equi = !info.leftKeys.isEmpty();
        RexNode residual = equi ? info.getRemaining(j.getCluster().getRexBuilder()) : j.getCondition();
        Expr cond = residual.isAlwaysTrue() ? null : rex.compile(residual);
        return Ops.join(compile(j.getLeft()), compile(j.getRight()),
                j.getLeft().getRowType().getFieldCount(), j.getRight().getRowType().getFieldCount(),
                equi ? info.leftKeys.toIntArray() : new int[0], equi ? info.rightKeys.toIntArray() : new int[0], cond,
                type == JoinRelType.LEFT || type == JoinRelType.FULL, type == JoinRelType.RIGHT || type == JoinRelType.FULL);
    }

    private Op tableRows(TableScan scan, RexNode condition) {
        SystemTables.SystemTable sys = scan.getTable().unwrap(SystemTables.SystemTable.class);
        if (sys != null) {
            Op all = (ex, out) -> {
                for (Object[] r : sys.rows(ex.store)) {
                    if (!out.accept(r)) {
                        return;
                    }
                }
            };
            return condition == null ? all : Ops.filter(all, rex.compile(condition));
        }
        Table table = storeTable(scan);
        return Ops.tableRows(access(table, condition), condition == null ? null : rex.compile(condition));
    }

    static Table storeTable(TableScan scan) {
        CalciteCatalog.StoreTable t = scan.getTable().unwrap(CalciteCatalog.StoreTable.class);
        if (t == null) {
            throw new SqlException("0A000", "cannot read " + scan.getTable().getQualifiedName());
        }
        return t.table();
    }

    /** How {@code table} is read under {@code condition}: see {@link AccessPaths}. */
    Ops.Access access(Table table, RexNode condition) {
        return new AccessPaths(rex).access(table, condition);
    }

    static Comparator<Object[]> order(List<RelFieldCollation> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        Comparator<Object[]> cmp = null;
        for (RelFieldCollation f : fields) {
            int i = f.getFieldIndex();
            boolean desc = f.getDirection().isDescending();
            // PostgreSQL: NULLs sort as if larger than every value unless told otherwise.
            boolean nullsFirst = f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                    ? desc : f.nullDirection == RelFieldCollation.NullDirection.FIRST;
            Comparator<Object[]> c = (a, b) -> {
                Object x = a[i];
                Object y = b[i];
                if (x == null || y == null) {
                    return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
                }
                int r = Values.compare(x, y);
                return desc ? -r : r;
            };
            cmp = cmp == null ? c : cmp.thenComparing(c);
        }
        return cmp;
    }
}
