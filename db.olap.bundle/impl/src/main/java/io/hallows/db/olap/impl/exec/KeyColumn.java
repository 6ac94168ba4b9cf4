package io.hallows.db.olap.impl.exec;

import java.util.Arrays;

/** A growable column of group keys (one value per group) of a {@link GroupTable}. */
abstract sealed class KeyColumn {
    boolean[] nulls = new boolean[16];
    boolean anyNull;

    static KeyColumn of(Type t) {
        if (t.isLong()) {
            return new Longs();
        }
        return t.kind() == io.hallows.db.olap.impl.table.ColumnKind.DOUBLE ? new Doubles() : new Strings();
    }

    /** Appends row {@code i} of {@code v} as group {@code g}. */
    final void add(int g, Vec v, int i) {
        if (g == nulls.length) {
            nulls = Arrays.copyOf(nulls, g * 2);
        }
        if (v.isNull(i)) {
            nulls[g] = true;
            anyNull = true;
        }
        put(g, v, i);
    }

    abstract void put(int g, Vec v, int i);

    /** Whether group {@code g}'s key equals row {@code i} of {@code v} (NULL equals NULL). */
    abstract boolean same(int g, Vec v, int i);

    final boolean sameNull(int g, Vec v, int i) {
        return nulls[g] == v.isNull(i);
    }

    /** The first {@code groups} keys as a vector. */
    abstract Vec vec(int groups);

    final boolean[] nullMask(int groups) {
        return anyNull ? Arrays.copyOf(nulls, groups) : null;
    }

    static final class Longs extends KeyColumn {
        long[] v = new long[16];

        @Override
        void put(int g, Vec in, int i) {
            if (g == v.length) {
                v = Arrays.copyOf(v, g * 2);
            }
            v[g] = ((LongVec) in).v[i];
        }

        @Override
        boolean same(int g, Vec in, int i) {
            return sameNull(g, in, i) && (nulls[g] || v[g] == ((LongVec) in).v[i]);
        }

        @Override
        Vec vec(int groups) {
            return new LongVec(Arrays.copyOf(v, groups), nullMask(groups));
        }
    }

    static final class Doubles extends KeyColumn {
        double[] v = new double[16];

        @Override
        void put(int g, Vec in, int i) {
            if (g == v.length) {
                v = Arrays.copyOf(v, g * 2);
            }
            v[g] = ((DoubleVec) in).v[i];
        }

        @Override
        boolean same(int g, Vec in, int i) {
            return sameNull(g, in, i) && (nulls[g] || v[g] == ((DoubleVec) in).v[i]);
        }

        @Override
        Vec vec(int groups) {
            return new DoubleVec(Arrays.copyOf(v, groups), nullMask(groups));
        }
    }

    static final class Strings extends KeyColumn {
        byte[] data = new byte[256];
        int[] off = new int[17];

        @Override
        void put(int g, Vec in, int i) {
            StrVec s = (StrVec) in;
            int len = s.length(i);
            if (g + 1 == off.length) {
                off = Arrays.copyOf(off, off.length * 2);
            }
            int at = off[g];
            if (at + len > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, at + len));
            }
            System.arraycopy(s.data, s.off[i], data, at, len);
            off[g + 1] = at + len;
        }

        @Override
        boolean same(int g, Vec in, int i) {
            StrVec s = (StrVec) in;
            return sameNull(g, in, i) && (nulls[g] || Arrays.equals(data, off[g], off[g + 1], s.data, s.off[i], s.off[i + 1]));
        }

        @Override
        Vec vec(int groups) {
            return new StrVec(Arrays.copyOf(data, off[groups]), Arrays.copyOf(off, groups + 1), nullMask(groups));
        }
    }
}
