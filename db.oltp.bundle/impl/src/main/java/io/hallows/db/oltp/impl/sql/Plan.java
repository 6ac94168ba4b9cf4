package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.Row;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned statement, immutable and shared by every session (cached per statement text): it
 * runs with an {@link Exec} and may throw {@link io.hallows.db.oltp.impl.store.WaitFor} from a write.
 */
abstract class Plan {
    final List<Column> columns;
    final List<SqlType> parameterTypes;

    Plan(List<Column> columns, List<SqlType> parameterTypes) {
        this.columns = columns;
        this.parameterTypes = parameterTypes;
    }

    abstract Result execute(Exec ex);

    /** The RETURNING clause: expressions over the written row, and its columns. */
    record Returning(List<Expr> exprs, List<Column> columns) {
        Object[] apply(Object[] row, Exec ex) {
            Object[] r = new Object[exprs.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = exprs.get(i).eval(row, ex);
            }
            return r;
        }
    }

    static Result result(String tag, Returning returning, List<Object[]> rows) {
        return returning == null ? Result.command(tag) : new Result(tag, returning.columns(), rows, null, List.of());
    }

    static final class Query extends Plan {
        private final Op op;

        Query(Op op, List<Column> columns, List<SqlType> parameterTypes) {
            super(columns, parameterTypes);
            this.op = op;
        }

        @Override
        Result execute(Exec ex) {
            return Result.rows(columns, Ops.collect(op, ex));
        }
    }

    /** Coerces a row to the table's column types (char(n) padding, varchar(n) and NOT NULL checks). */
    static Object[] conform(Table table, Object[] values) {
        List<ColumnDef> cols = table.def().columns();
        Object[] out = new Object[cols.size()];
        for (int i = 0; i < out.length; i++) {
            ColumnDef c = cols.get(i);
            out[i] = Values.coerce(values[i], c.type(), c.length(), c.scale(), false);
            if (out[i] == null && c.notNull()) {
                throw new SqlException("23502", "null value in column \"" + c.name() + "\" of relation \""
                        + table.def().name() + "\" violates not-null constraint");
            }
        }
        return out;
    }

    static final class Insert extends Plan {
        private final Table table;
        private final Op source;
        private final Returning returning;

        Insert(Table table, Op source, Returning returning, List<SqlType> parameterTypes) {
            super(returning == null ? List.of() : returning.columns(), parameterTypes);
            this.table = table;
            this.source = source;
            this.returning = returning;
        }

        @Override
        Result execute(Exec ex) {
            List<Object[]> out = new ArrayList<>();
            long[] n = {0};
            // The source is read whole before the first insert, so INSERT … SELECT from the same table ends.
            for (Object[] row : Ops.collect(source, ex)) {
                Object[] v = conform(table, row);
                ex.txn.insert(table, v);
                n[0]++;
                if (returning != null) {
                    out.add(returning.apply(v, ex));
                }
            }
            return result("INSERT 0 " + n[0], returning, out);
        }
    }

    /** UPDATE and DELETE: rows from the access path, filtered, changed through {@code Txn.update}/{@code delete}. */
    static final class Modify extends Plan {
        private final Table table;
        private final Ops.Access access;
        private final Expr filter;
        private final int[] targets;
        private final Expr[] sources;
        private final Returning returning;

        Modify(Table table, Ops.Access access, Expr filter, int[] targets, List<Expr> sources, Returning returning,
                List<SqlType> parameterTypes) {
            super(returning == null ? List.of() : returning.columns(), parameterTypes);
            this.table = table;
            this.access = access;
            this.filter = filter;
            this.targets = targets;
            this.sources = sources == null ? null : sources.toArray(Expr[]::new);
            this.returning = returning;
        }

        @Override
        Result execute(Exec ex) {
            List<Row> matched = new ArrayList<>();
            access.rows(ex, r -> {
                if (filter == null || Boolean.TRUE.equals(filter.eval(r.values(), ex))) {
                    matched.add(r);
                }
                return true;
            });
            java.util.function.Predicate<Object[]> still = filter == null ? v -> true
                    : v -> Boolean.TRUE.equals(filter.eval(v, ex));
            List<Object[]> out = new ArrayList<>();
            long n = 0;
            for (Row r : matched) {
                ex.tick();
                if (sources == null) {
                    Object[] old = r.values();
                    if (ex.txn.delete(table, r, still)) {
                        n++;
                        if (returning != null) {
                            out.add(returning.apply(old, ex));
                        }
                    }
                } else {
                    Object[] v = ex.txn.update(table, r, still, old -> change(old, ex));
                    if (v != null) {
                        n++;
                        if (returning != null) {
                            out.add(returning.apply(v, ex));
                        }
                    }
                }
            }
            return result((sources == null ? "DELETE " : "UPDATE ") + n, returning, out);
        }

        private Object[] change(Object[] old, Exec ex) {
            Object[] next = old.clone();
            for (int i = 0; i < targets.length; i++) {
                next[targets[i]] = sources[i].eval(old, ex);
            }
            return conform(table, next);
        }
    }

    /** SELECT … FOR UPDATE: see {@code Planner.locking}. */
    static final class Locking extends Plan {
        private final Table table;
        private final Ops.Access access;
        private final Expr filter;
        private final Returning projection;

        Locking(Table table, Ops.Access access, Expr filter, List<Expr> projects, List<Column> columns,
                List<SqlType> parameterTypes) {
            super(columns, parameterTypes);
            this.table = table;
            this.access = access;
            this.filter = filter;
            this.projection = projects == null ? null : new Returning(projects, columns);
        }

        @Override
        Result execute(Exec ex) {
            List<Row> matched = new ArrayList<>();
            access.rows(ex, r -> {
                if (filter == null || Boolean.TRUE.equals(filter.eval(r.values(), ex))) {
                    matched.add(r);
                }
                return true;
            });
            List<Object[]> out = new ArrayList<>();
            for (Row r : matched) {
                ex.tick();
                Object[] v = ex.txn.update(table, r, filter == null ? x -> true : x -> Boolean.TRUE.equals(filter.eval(x, ex)),
                        Object[]::clone);
                if (v != null) {
                    out.add(projection == null ? v : projection.apply(v, ex));
                }
            }
            return Result.rows(columns, out);
        }
    }
}
