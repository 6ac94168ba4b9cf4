package io.hallows.db.oltp.impl.store;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A secondary index: entries keyed by the indexed values followed by the row's primary key, so
 * that every key is distinct, each pointing to the row's chain. An entry is added for every
 * version written and never changed; a reader keeps an entry only when the version it sees has
 * the entry's values, and garbage collection drops entries no version has any more.
 */
final class SecondaryIndex {
    final IndexDef def;
    final int[] columns;
    final ConcurrentSkipListMap<Object[], Chain> entries = new ConcurrentSkipListMap<>(Keys.ORDER);

    SecondaryIndex(IndexDef def) {
        this.def = def;
        this.columns = def.columns().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds the entry of {@code v} (nothing for a deletion). */
    void add(Version v) {
        if (v.values != null) {
            entries.put(Keys.project(v.values, columns, v.chain.key), v.chain);
        }
    }

    /** The indexed values of a row. */
    Object[] prefix(Object[] values) {
        return Keys.project(values, columns, new Object[0]);
    }

    /** True when {@code values} have the indexed values at the start of {@code entryKey}. */
    boolean matches(Object[] entryKey, Object[] values) {
        for (int i = 0; i < columns.length; i++) {
            if (Keys.compareValues(entryKey[i], values[columns[i]]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the indexed values of {@code a} and {@code b} are equal (NULLs equal here). */
    boolean sameKey(Object[] a, Object[] b) {
        for (int c : columns) {
            if (Keys.compareValues(a[c], b[c]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when a unique index must check {@code values}: unique, and no indexed value is NULL. */
    boolean constrains(Object[] values) {
        if (!def.unique()) {
            return false;
        }
        for (int c : columns) {
            if (values[c] == null) {
                return false;
            }
        }
        return true;
    }

    /** True when some version of {@code chain} has the values of {@code entryKey}. */
    boolean anyVersionMatches(Object[] entryKey, Chain chain) {
        for (Version v = chain.head(); v != null; v = v.next) {
            if (v.values != null && matches(entryKey, v.values)) {
                return true;
            }
        }
        return false;
    }
}
