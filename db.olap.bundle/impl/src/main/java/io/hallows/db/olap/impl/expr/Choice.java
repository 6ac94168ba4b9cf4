package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * CASE WHEN … THEN … ELSE … END and COALESCE: every branch is evaluated on the whole batch, then
 * each row takes its value from the branch that applies. The branches already have the result's
 * type (the compiler casts them).
 */
public final class Choice implements Expr {
    private final List<Expr> conditions; // empty for COALESCE
    private final List<Expr> values; // one more than conditions for CASE (the ELSE)
    private final Type type;

    private Choice(List<Expr> conditions, List<Expr> values, Type type) {
        this.conditions = List.copyOf(conditions);
        this.values = List.copyOf(values);
        this.type = type;
    }

    public static Choice caseWhen(List<Expr> conditions, List<Expr> values, Type type) {
        return new Choice(conditions, values, type);
    }

    public static Choice coalesce(List<Expr> values, Type type) {
        return new Choice(List.of(), values, type);
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public List<Expr> children() {
        List<Expr> all = new ArrayList<>(conditions);
        all.addAll(values);
        return all;
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        int[] pick = new int[n];
        java.util.Arrays.fill(pick, -1);
        if (conditions.isEmpty()) {
            for (int k = 0; k < values.size(); k++) {
                Vec v = values.get(k).eval(b);
                for (int i = 0; i < n; i++) {
                    if (pick[i] < 0 && !v.isNull(i)) {
                        pick[i] = k;
                    }
                }
            }
        } else {
            for (int k = 0; k < conditions.size(); k++) {
                LongVec c = (LongVec) conditions.get(k).eval(b);
                for (int i = 0; i < n; i++) {
                    if (pick[i] < 0 && c.v[i] == 1 && !c.isNull(i)) {
                        pick[i] = k;
                    }
                }
            }
            int otherwise = conditions.size();
            for (int i = 0; i < n; i++) {
                if (pick[i] < 0) {
                    pick[i] = otherwise;
                }
            }
        }
        Vec[] vs = new Vec[values.size()];
        for (int k = 0; k < vs.length; k++) {
            vs[k] = values.get(k).eval(b);
        }
        return merge(vs, pick, n);
    }

    private Vec merge(Vec[] vs, int[] pick, int n) {
        // Gather row i from vs[pick[i]]: pass one gathers each branch's rows, pass two interleaves.
        int[] rows = new int[n];
        Vec out = null;
        for (int k = 0; k < vs.length; k++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                rows[i] = pick[i] == k ? i : -1;
                count += pick[i] == k ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            Vec part = vs[k].gather(rows, n);
            out = out == null ? part : Blend.blend(out, part, pick, k, n);
        }
        return out == null ? io.hallows.db.olap.impl.exec.Vecs.nulls(type, n) : out;
    }

    @Override
    public String toString() {
        if (conditions.isEmpty()) {
            return "COALESCE(" + values + ")";
        }
        StringBuilder s = new StringBuilder("CASE");
        for (int k = 0; k < conditions.size(); k++) {
            s.append(" WHEN ").append(conditions.get(k)).append(" THEN ").append(values.get(k));
        }
        return s.append(" ELSE ").append(values.get(values.size() - 1)).append(" END").toString();
    }
}
