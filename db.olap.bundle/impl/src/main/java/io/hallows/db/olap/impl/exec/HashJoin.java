package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash join: one input is collected and hashed (the build side), the other streams through it
 * morsel by morsel (the probe side), in parallel. INNER may build either side; LEFT, SEMI and
 * ANTI build the right one. Keys that are NULL never match unless marked null-safe (IS NOT
 * DISTINCT FROM). A residual condition over the joined row decides among key matches. Output:
 * left columns then right columns (SEMI and ANTI: left columns only).
 */
public final class HashJoin extends Node {
    public enum Kind { INNER, LEFT, SEMI, ANTI }

    private final Kind kind;
    private final List<Expr> leftKeys;
    private final List<Expr> rightKeys;
    private final boolean[] nullSafe;
    private final Expr residual; // over left ++ right columns, or null
    private final boolean buildLeft;

    public HashJoin(Kind kind, Node left, Node right, List<Expr> leftKeys, List<Expr> rightKeys,
            boolean[] nullSafe, Expr residual, boolean buildLeft) {
        super(outTypes(kind, left, right), List.of(left, right));
        this.kind = kind;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.nullSafe = nullSafe.clone();
        this.residual = residual;
        this.buildLeft = buildLeft && kind == Kind.INNER;
    }

    private static List<Type> outTypes(Kind kind, Node left, Node right) {
        List<Type> t = new ArrayList<>(left.types());
        if (kind == Kind.INNER || kind == Kind.LEFT) {
            t.addAll(right.types());
        }
        return t;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("HashJoin ").append(kind);
        s.append(buildLeft ? " build=left" : " build=right").append(" keys [");
        for (int i = 0; i < leftKeys.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(leftKeys.get(i)).append(nullSafe[i] ? " <=> " : " = ").append("right.").append(rightKeys.get(i));
        }
        s.append(']');
        if (residual != null) {
            s.append(" residual ").append(residual);
        }
        return s.toString();
    }

    @Override
    public Flow open(Exec ex) {
        Node buildNode = inputs().get(buildLeft ? 0 : 1);
        Flow buildFlow = buildNode.open(ex);
        long t0 = System.nanoTime();
        Batch build = ex.collect(buildFlow, buildNode.types());
        HashTable table = HashTable.build(build, eval(buildLeft ? leftKeys : rightKeys, build), nullSafe, ex.memory());
        spent(t0);
        Flow probe = inputs().get(buildLeft ? 1 : 0).open(ex);
        return map(probe, b -> probe(table, b));
    }

    private static Vec[] eval(List<Expr> keys, Batch b) {
        Vec[] out = new Vec[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = keys.get(i).eval(b);
        }
        return out;
    }

    private Batch probe(HashTable table, Batch p) {
        Vec[] keys = eval(buildLeft ? rightKeys : leftKeys, p);
        boolean firstOnly = (kind == Kind.SEMI || kind == Kind.ANTI) && residual == null;
        HashTable.Matches m = table.probe(keys, p.n(), firstOnly);
        Batch build = table.rows();
        if (kind == Kind.INNER && residual == null) {
            return joined(p, m.probeRows(), build, m.buildRows(), m.count());
        }
        boolean[] pass = null;
        if (residual != null) {
            Batch candidates = joined(p, m.probeRows(), build, m.buildRows(), m.count());
            pass = new boolean[m.count()];
            LongVec r = (LongVec) residual.eval(candidates);
            for (int i = 0; i < m.count(); i++) {
                pass[i] = r.v[i] == 1 && !r.isNull(i);
            }
        }
        if (kind == Kind.INNER) {
            int[] sel = new int[m.count()];
            int k = 0;
            for (int i = 0; i < m.count(); i++) {
                if (pass[i]) {
                    sel[k++] = i;
                }
            }
            return joined(p, pick(m.probeRows(), sel, k), build, pick(m.buildRows(), sel, k), k);
        }
        boolean[] matched = new boolean[p.n()];
        int[] pr = m.probeRows();
        int[] brKept = new int[m.count() + p.n()];
        int[] prKept = new int[m.count() + p.n()];
        int k = 0;
        for (int i = 0; i < m.count(); i++) {
            if (pass == null || pass[i]) {
                matched[pr[i]] = true;
                prKept[k] = pr[i];
                brKept[k++] = m.buildRows()[i];
            }
        }
        if (kind == Kind.LEFT) {
            for (int i = 0; i < p.n(); i++) {
                if (!matched[i]) {
                    prKept[k] = i;
                    brKept[k++] = -1;
                }
            }
            return joined(p, prKept, build, brKept, k);
        }
        int[] sel = new int[p.n()];
        int c = 0;
        boolean want = kind == Kind.SEMI;
        for (int i = 0; i < p.n(); i++) {
            if (matched[i] == want) {
                sel[c++] = i;
            }
        }
        return c == p.n() ? p : p.gather(sel, c);
    }

    private static int[] pick(int[] rows, int[] sel, int k) {
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = rows[sel[i]];
        }
        return out;
    }

    /** Left columns then right columns of the matched pairs. */
    private Batch joined(Batch probe, int[] probeRows, Batch build, int[] buildRows, int count) {
        Batch l = buildLeft ? build : probe;
        Batch r = buildLeft ? probe : build;
        int[] lr = buildLeft ? buildRows : probeRows;
        int[] rr = buildLeft ? probeRows : buildRows;
        Vec[] cols = new Vec[l.cols().length + r.cols().length];
        for (int c = 0; c < l.cols().length; c++) {
            cols[c] = l.col(c).gather(lr, count);
        }
        for (int c = 0; c < r.cols().length; c++) {
            cols[l.cols().length + c] = r.col(c).gather(rr, count);
        }
        return new Batch(cols, count);
    }
}
