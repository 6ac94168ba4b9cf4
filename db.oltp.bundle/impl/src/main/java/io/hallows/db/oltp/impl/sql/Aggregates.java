package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.core.AggregateCall;

/** GROUP BY with count, sum, avg, min and max (hash aggregation). */
final class Aggregates {
    private Aggregates() {
    }

    /** One aggregate call: its function, argument column (or -1 for {@code count(*)}), result type, DISTINCT. */
    record Call(String function, int arg, SqlType type, int scale, boolean distinct) {
        static Call of(AggregateCall c) {
            String f = c.getAggregation().getName().toLowerCase(java.util.Locale.ROOT);
            return new Call(f, c.getArgList().isEmpty() ? -1 : c.getArgList().get(0),
                    Types.api(c.getType()), c.getType().getScale(), c.isDistinct());
        }
    }

    private static final class Acc {
        long count;
        Object value;
        Set<Object> seen;
    }

    static Op aggregate(Op input, int[] groupKeys, List<Call> calls) {
        for (Call c : calls) {
            switch (c.function()) {
                case "count", "sum", "$sum0", "avg", "min", "max", "single_value", "any_value" -> { }
                default -> throw new SqlException("42883", "aggregate " + c.function() + " is not supported");
            }
        }
        return (ex, out) -> {
            Map<List<Object>, Acc[]> groups = new LinkedHashMap<>();
            input.run(ex, row -> {
                Object[] k = new Object[groupKeys.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = row[groupKeys[i]];
                }
                Acc[] accs = groups.computeIfAbsent(Arrays.asList(k), x -> newAccs(calls.size()));
                for (int i = 0; i < calls.size(); i++) {
                    add(calls.get(i), accs[i], row);
                }
                return true;
            });
            if (groups.isEmpty() && groupKeys.length == 0) {
                groups.put(List.of(), newAccs(calls.size()));
            }
            for (Map.Entry<List<Object>, Acc[]> g : groups.entrySet()) {
                Object[] r = new Object[groupKeys.length + calls.size()];
                g.getKey().toArray(r);
                for (int i = 0; i < calls.size(); i++) {
                    r[groupKeys.length + i] = result(calls.get(i), g.getValue()[i]);
                }
                if (!out.accept(r)) {
                    return;
                }
            }
        };
    }

    private static Acc[] newAccs(int n) {
        Acc[] a = new Acc[n];
        for (int i = 0; i < n; i++) {
            a[i] = new Acc();
        }
        return a;
    }

    private static void add(Call c, Acc acc, Object[] row) {
        Object v = c.arg() < 0 ? Boolean.TRUE : row[c.arg()];
        if (v == null) {
            return;
        }
        if (c.distinct()) {
            if (acc.seen == null) {
                acc.seen = new HashSet<>();
            }
            if (!acc.seen.add(v)) {
                return;
            }
        }
        acc.count++;
        switch (c.function()) {
            case "sum", "$sum0", "avg" -> acc.value = acc.value == null ? v : add(acc.value, v);
            case "min" -> acc.value = acc.value == null || Values.compare(v, acc.value) < 0 ? v : acc.value;
            case "max" -> acc.value = acc.value == null || Values.compare(v, acc.value) > 0 ? v : acc.value;
            case "single_value" -> {
                if (acc.count > 1) {
                    throw new SqlException("21000", "more than one row returned by a subquery used as an expression");
                }
                acc.value = v;
            }
            case "any_value" -> acc.value = acc.value == null ? v : acc.value;
            default -> { }
        }
    }

    private static Object add(Object a, Object b) {
        if (Values.integral(a) && Values.integral(b)) {
            try {
                return Math.addExact(((Number) a).longValue(), ((Number) b).longValue());
            } catch (ArithmeticException e) {
                return BigDecimal.valueOf(((Number) a).longValue()).add(BigDecimal.valueOf(((Number) b).longValue()));
            }
        }
        if (a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float) {
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
        return Values.toDecimal(a).add(Values.toDecimal(b));
    }

    private static Object result(Call c, Acc acc) {
        return switch (c.function()) {
            case "count" -> Values.coerce(acc.count, c.type(), -1, -1, false);
            case "$sum0" -> Values.coerce(acc.value == null ? 0L : acc.value, c.type(), -1, -1, false);
            case "avg" -> {
                if (acc.count == 0) {
                    yield null;
                }
                if (c.type() == SqlType.FLOAT8 || c.type() == SqlType.FLOAT4) {
                    yield Values.coerce(((Number) acc.value).doubleValue() / acc.count, c.type(), -1, -1, false);
                }
                yield Values.toDecimal(acc.value).divide(BigDecimal.valueOf(acc.count), Math.max(16, c.scale()), RoundingMode.HALF_UP);
            }
            default -> acc.value == null ? null : Values.coerce(acc.value, c.type(), -1, -1, false);
        };
    }
}
