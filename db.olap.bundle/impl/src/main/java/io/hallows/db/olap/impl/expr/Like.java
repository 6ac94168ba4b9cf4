package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.StrVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code LIKE} with a constant pattern. Patterns with only {@code %} wildcards (all of TPC-H's)
 * match on the bytes: an anchored prefix, then each middle piece found in order, then an anchored
 * suffix. Patterns with {@code _} go through a regular expression.
 */
public final class Like implements Expr {
    private final Expr in;
    private final String pattern;
    private final boolean negated;
    private final byte[][] pieces;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    private final Pattern regex;

    public Like(Expr in, String pattern, boolean negated) {
        this.in = in;
        this.pattern = pattern;
        this.negated = negated;
        if (pattern.indexOf('_') >= 0 || pattern.indexOf('\\') >= 0) {
            regex = Pattern.compile(toRegex(pattern), Pattern.DOTALL);
            pieces = null;
            anchoredStart = anchoredEnd = false;
        } else {
            regex = null;
            anchoredStart = !pattern.startsWith("%");
            anchoredEnd = !pattern.endsWith("%");
            List<byte[]> ps = new ArrayList<>();
            for (String p : pattern.split("%", -1)) {
                ps.add(p.getBytes(StandardCharsets.UTF_8));
            }
            pieces = ps.toArray(new byte[0][]);
        }
    }

    private static String toRegex(String like) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                r.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                r.append(".*");
            } else if (c == '_') {
                r.append('.');
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    @Override
    public Type type() {
        return Type.BOOLEAN;
    }

    @Override
    public List<Expr> children() {
        return List.of(in);
    }

    @Override
    public Vec eval(Batch b) {
        int n = b.n();
        StrVec s = (StrVec) in.eval(b);
        long[] out = new long[n];
        long yes = negated ? 0 : 1;
        for (int i = 0; i < n; i++) {
            boolean m = regex != null ? regex.matcher(s.string(i)).matches() : matches(s.data, s.off[i], s.off[i + 1]);
            out[i] = m ? yes : 1 - yes;
        }
        return new LongVec(out, s.nulls);
    }

    private boolean matches(byte[] d, int from, int to) {
        int last = pieces.length - 1;
        if (last == 0) {
            return java.util.Arrays.equals(d, from, to, pieces[0], 0, pieces[0].length);
        }
        int p = from;
        int end = to;
        if (anchoredStart) {
            byte[] pre = pieces[0];
            if (to - from < pre.length || !java.util.Arrays.equals(d, from, from + pre.length, pre, 0, pre.length)) {
                return false;
            }
            p += pre.length;
        }
        if (anchoredEnd) {
            byte[] suf = pieces[last];
            if (end - p < suf.length || !java.util.Arrays.equals(d, end - suf.length, end, suf, 0, suf.length)) {
                return false;
            }
            end -= suf.length;
        }
        for (int k = 1; k < last; k++) {
            int at = indexOf(d, p, end, pieces[k]);
            if (at < 0) {
                return false;
            }
            p = at + pieces[k].length;
        }
        return true;
    }

    private static int indexOf(byte[] d, int from, int to, byte[] needle) {
        int len = needle.length;
        if (len == 0) {
            return from;
        }
        byte first = needle[0];
        for (int i = from, max = to - len; i <= max; i++) {
            if (d[i] == first && java.util.Arrays.equals(d, i, i + len, needle, 0, len)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return in + (negated ? " NOT LIKE '" : " LIKE '") + pattern + "'";
    }
}
