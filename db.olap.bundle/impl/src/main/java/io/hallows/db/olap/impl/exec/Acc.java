package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.SqlException;
import java.util.Arrays;

/**
 * The running state of one aggregate function for every group of a lane: primitive arrays
 * indexed by group, updated by tight loops over a batch's group numbers, merged between lanes.
 */
abstract class Acc {
    /** Makes room for {@code groups} groups. */
    abstract void ensure(int groups);

    /** Adds rows {@code 0..n)} of {@code arg} (null for COUNT(*)) to groups {@code gid}. */
    abstract void update(int[] gid, Vec arg, int n);

    /** Adds {@code other}'s group {@code g} into this one's group {@code map[g]}. */
    abstract void merge(Acc other, int[] map, int otherGroups);

    abstract Vec result(int groups);

    static int grow(int length, int groups) {
        return groups <= length ? length : Math.max(groups, length * 2);
    }

    static final class LongSum extends Acc {
        private final boolean zero;
        long[] s = new long[16];
        boolean[] seen = new boolean[16];

        LongSum(boolean zero) {
            this.zero = zero;
        }

        @Override
        void ensure(int g) {
            s = Arrays.copyOf(s, grow(s.length, g));
            seen = Arrays.copyOf(seen, grow(seen.length, g));
        }

        @Override
        void update(int[] gid, Vec arg, int n) {
            long[] v = ((LongVec) arg).v;
            for (int i = 0; i < n; i++) {
                if (!arg.isNull(i)) {
                    s[gid[i]] += v[i];
                    seen[gid[i]] = true;
                }
            }
        }

        @Override
        void merge(Acc other, int[] map, int n) {
            LongSum o = (LongSum) other;
            for (int g = 0; g < n; g++) {
                s[map[g]] += o.s[g];
                seen[map[g]] |= o.seen[g];
            }
        }

        @Override
        Vec result(int groups) {
            return new LongVec(Arrays.copyOf(s, groups), zero ? null : missing(seen, groups));
        }
    }

    static final class DoubleSum extends Acc {
        private final boolean zero;
        double[] s = new double[16];
        boolean[] seen = new boolean[16];

        DoubleSum(boolean zero) {
            this.zero = zero;
        }

        @Override
        void ensure(int g) {
            s = Arrays.copyOf(s, grow(s.length, g));
            seen = Arrays.copyOf(seen, grow(seen.length, g));
        }

        @Override
        void update(int[] gid, Vec arg, int n) {
            double[] v = ((DoubleVec) arg).v;
            for (int i = 0; i < n; i++) {
                if (!arg.isNull(i)) {
                    s[gid[i]] += v[i];
                    seen[gid[i]] = true;
                }
            }
        }

        @Override
        void merge(Acc other, int[] map, int n) {
            DoubleSum o = (DoubleSum) other;
            for (int g = 0; g < n; g++) {
                s[map[g]] += o.s[g];
                seen[map[g]] |= o.seen[g];
            }
        }

        @Override
        Vec result(int groups) {
            return new DoubleVec(Arrays.copyOf(s, groups), zero ? null : missing(seen, groups));
        }
    }

    static final class Count extends Acc {
        private final boolean star;
        long[] c = new long[16];

        Count(boolean star) {
            this.star = star;
        }

        @Override
        void ensure(int g) {
            c = Arrays.copyOf(c, grow(c.length, g));
        }

        @Override
        void update(int[] gid, Vec arg, int n) {
            if (star || arg.nulls == null) {
                for (int i = 0; i < n; i++) {
                    c[gid[i]]++;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    c[gid[i]] += arg.nulls[i] ? 0 : 1;
                }
            }
        }

        @Override
        void merge(Acc other, int[] map, int n) {
            for (int g = 0; g < n; g++) {
                c[map[g]] += ((Count) other).c[g];
            }
        }

        @Override
        Vec result(int groups) {
            return new LongVec(Arrays.copyOf(c, groups), null);
        }
    }

    /** AVG as DOUBLE: exact sums of scaled longs (or double sums) and counts, divided at the end. */
    static final class Avg extends Acc {
        private final Type type;
        long[] ls = new long[16];
        double[] ds = new double[16];
        long[] c = new long[16];

        Avg(Type type) {
            this.type = type;
        }

        @Override
        void ensure(int g) {
            ls = Arrays.copyOf(ls, grow(ls.length, g));
            ds = Arrays.copyOf(ds, grow(ds.length, g));
            c = Arrays.copyOf(c, grow(c.length, g));
        }

        @Override
        void update(int[] gid, Vec arg, int n) {
            if (arg instanceof DoubleVec d) {
                for (int i = 0; i < n; i++) {
                    if (!arg.isNull(i)) {
                        ds[gid[i]] += d.v[i];
                        c[gid[i]]++;
                    }
                }
            } else {
                long[] v = ((LongVec) arg).v;
                for (int i = 0; i < n; i++) {
                    if (!arg.isNull(i)) {
                        ls[gid[i]] += v[i];
                        c[gid[i]]++;
                    }
                }
            }
        }

        @Override
        void merge(Acc other, int[] map, int n) {
            Avg o = (Avg) other;
            for (int g = 0; g < n; g++) {
                ls[map[g]] += o.ls[g];
                ds[map[g]] += o.ds[g];
                c[map[g]] += o.c[g];
            }
        }

        @Override
        Vec result(int groups) {
            double[] out = new double[groups];
            boolean[] nulls = null;
            double f = Math.pow(10, type.kind() == ColumnKind.DECIMAL ? type.scale() : 0);
            for (int g = 0; g < groups; g++) {
                if (c[g] == 0) {
                    nulls = nulls == null ? new boolean[groups] : nulls;
                    nulls[g] = true;
                } else {
                    out[g] = type.kind() == ColumnKind.DOUBLE ? ds[g] / c[g] : ls[g] / f / c[g];
                }
            }
            return new DoubleVec(out, nulls);
        }
    }

    static boolean[] missing(boolean[] seen, int groups) {
        boolean[] nulls = null;
        for (int g = 0; g < groups; g++) {
            if (!seen[g]) {
                nulls = nulls == null ? new boolean[groups] : nulls;
                nulls[g] = true;
            }
        }
        return nulls;
    }

    static SqlException moreThanOneRow() {
        return new SqlException("21000", "more than one row returned by a subquery used as an expression");
    }
}
