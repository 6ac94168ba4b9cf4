package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Row;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operators the plans are made of. */
final class Ops {
    private Ops() {
    }

    /** Where a statement's rows of a store table come from: a primary-key lookup, or a scan. */
    interface Access {
        /** Visits the visible rows that may match; the caller still applies the predicate. */
        void rows(Exec ex, java.util.function.Predicate<Row> visitor);
    }

    static Access scan(Table table) {
        return (ex, visitor) -> {
            Iterator<Row> it = ex.txn.scan(table);
            while (it.hasNext()) {
                ex.tick();
                if (!visitor.test(it.next())) {
                    return;
                }
            }
        };
    }

    /** A lookup by the whole primary key: one {@code Txn.get}, no scan. */
    static Access pkGet(Table table, List<Expr> key, List<io.hallows.db.oltp.impl.store.ColumnDef> keyColumns) {
        return (ex, visitor) -> {
            Object[] k = new Object[key.size()];
            for (int i = 0; i < k.length; i++) {
                Object v = key.get(i).eval(null, ex);
                if (v == null) {
                    return;
                }
                var c = keyColumns.get(i);
                k[i] = Values.coerce(v, c.type(), c.length(), c.scale(), false);
            }
            Row r = ex.txn.get(table, k);
            if (r != null) {
                visitor.test(r);
            }
        };
    }

    static Op tableRows(Access access, Expr filter) {
        return (ex, out) -> access.rows(ex, r -> {
            Object[] v = r.values();
            return filter != null && !Boolean.TRUE.equals(filter.eval(v, ex)) || out.accept(v);
        });
    }

    static Op filter(Op input, Expr pred) {
        return (ex, out) -> input.run(ex, row -> !Boolean.TRUE.equals(pred.eval(row, ex)) || out.accept(row));
    }

    static Op project(Op input, List<Expr> exprs) {
        Expr[] e = exprs.toArray(Expr[]::new);
        return (ex, out) -> input.run(ex, row -> {
            Object[] r = new Object[e.length];
            for (int i = 0; i < e.length; i++) {
                r[i] = e[i].eval(row, ex);
            }
            return out.accept(r);
        });
    }

    static Op values(List<List<Expr>> rows) {
        return (ex, out) -> {
            for (List<Expr> row : rows) {
                Object[] r = new Object[row.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = row.get(i).eval(null, ex);
                }
                if (!out.accept(r)) {
                    return;
                }
            }
        };
    }

    static Op generateSeries(Expr from, Expr to, boolean bigint) {
        return (ex, out) -> {
            Object a = from.eval(null, ex);
            Object b = to.eval(null, ex);
            if (a == null || b == null) {
                return;
            }
            long hi = Values.toLong(b, "bigint");
            for (long i = Values.toLong(a, "bigint"); i <= hi; i++) {
                ex.tick();
                if (!out.accept(new Object[] {bigint ? (Object) i : (Object) (int) i})) {
                    return;
                }
            }
        };
    }

    static List<Object[]> collect(Op op, Exec ex) {
        List<Object[]> rows = new ArrayList<>();
        op.run(ex, r -> rows.add(r));
        return rows;
    }

    static Op sort(Op input, Comparator<Object[]> order, Expr offset, Expr fetch) {
        return (ex, out) -> {
            long skip = offset == null ? 0 : limit(offset.eval(null, ex), "OFFSET");
            long take = fetch == null ? Long.MAX_VALUE : limit(fetch.eval(null, ex), "LIMIT");
            if (order == null) {
                long[] seen = {0};
                if (take == 0) {
                    return;
                }
                input.run(ex, row -> {
                    long n = seen[0]++;
                    if (n < skip) {
                        return true;
                    }
                    return out.accept(row) && n + 1 < skip + take;
                });
                return;
            }
            List<Object[]> rows = collect(input, ex);
            rows.sort(order);
            long end = Math.min(rows.size(), skip + Math.min(take, Integer.MAX_VALUE));
            for (long i = skip; i < end; i++) {
                if (!out.accept(rows.get((int) i))) {
                    return;
                }
            }
        };
    }

    private static long limit(Object v, String what) {
        if (v == null) {
            return what.equals("LIMIT") ? Long.MAX_VALUE : 0;
        }
        long n = Values.toLong(v, "bigint");
        if (n < 0) {
            throw new SqlException("2201W", what + " must not be negative");
        }
        return n;
    }

    static Op union(List<Op> inputs, boolean all) {
        return (ex, out) -> {
            Set<List<Object>> seen = all ? null : new HashSet<>();
            for (Op in : inputs) {
                boolean[] stop = {false};
                in.run(ex, row -> {
                    if (seen != null && !seen.add(Arrays.asList(row))) {
                        return true;
                    }
                    boolean more = out.accept(row);
                    stop[0] = !more;
                    return more;
                });
                if (stop[0]) {
                    return;
                }
            }
        };
    }

    /**
     * A join: the right side is read once; with equality keys it is hashed, else each left row
     * is tested against every right row. {@code left}/{@code full} keep unmatched rows with NULLs.
     */
    static Op join(Op left, Op right, int leftWidth, int rightWidth, int[] leftKeys, int[] rightKeys,
            Expr condition, boolean keepLeft, boolean keepRight) {
        return (ex, out) -> {
            List<Object[]> rightRows = collect(right, ex);
            Map<List<Object>, List<Integer>> hash = null;
            if (leftKeys.length > 0) {
                hash = new HashMap<>();
                for (int i = 0; i < rightRows.size(); i++) {
                    List<Object> k = key(rightRows.get(i), rightKeys);
                    if (k != null) {
                        hash.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
                    }
                }
            }
            boolean[] rightMatched = new boolean[rightRows.size()];
            Map<List<Object>, List<Integer>> h = hash;
            boolean[] stopped = {false};
            left.run(ex, l -> {
                boolean matched = false;
                Iterable<Integer> candidates = h == null ? range(rightRows.size())
                        : h.getOrDefault(key(l, leftKeys), List.of());
                for (int i : candidates) {
                    Object[] joined = concat(l, rightRows.get(i), leftWidth, rightWidth);
                    if (condition == null || Boolean.TRUE.equals(condition.eval(joined, ex))) {
                        matched = true;
                        rightMatched[i] = true;
                        if (!out.accept(joined)) {
                            stopped[0] = true;
                            return false;
                        }
                    }
                }
                if (!matched && keepLeft && !out.accept(concat(l, null, leftWidth, rightWidth))) {
                    stopped[0] = true;
                    return false;
                }
                return true;
            });
            if (keepRight && !stopped[0]) {
                for (int i = 0; i < rightRows.size(); i++) {
                    if (!rightMatched[i] && !out.accept(concat(null, rightRows.get(i), leftWidth, rightWidth))) {
                        return;
                    }
                }
            }
        };
    }

    private static List<Object> key(Object[] row, int[] cols) {
        Object[] k = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            Object v = row[cols[i]];
            if (v == null) {
                return null;
            }
            // Numbers of different widths must meet in the hash: key them by their long value.
            k[i] = Values.integral(v) ? (Object) ((Number) v).longValue() : v instanceof String s ? s.stripTrailing() : v;
        }
        return Arrays.asList(k);
    }

    private static Iterable<Integer> range(int n) {
        return () -> java.util.stream.IntStream.range(0, n).iterator();
    }

    private static Object[] concat(Object[] l, Object[] r, int lw, int rw) {
        Object[] out = new Object[lw + rw];
        if (l != null) {
            System.arraycopy(l, 0, out, 0, lw);
        }
        if (r != null) {
            System.arraycopy(r, 0, out, lw, rw);
        }
        return out;
    }
}
