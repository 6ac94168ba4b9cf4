package io.hallows.db.oltp.impl.store;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who is told of commits to which tables ({@code Database.watch}). Watches are few and change
 * rarely, commits are many: a copy-on-write list, and a commit with no watch costs one read.
 * Table names are compared in lower case.
 */
public final class CommitWatchers {
    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    private record Watch(Set<String> tables, Consumer<Set<String>> changed) {}

    /** Starts telling {@code changed} of committed writes to {@code tables}; closing stops it. */
    public AutoCloseable add(Set<String> tables, Consumer<Set<String>> changed) {
        Set<String> lower = new HashSet<>();
        tables.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        Watch w = new Watch(Set.copyOf(lower), changed);
        watches.add(w);
        return () -> watches.remove(w);
    }

    boolean isEmpty() {
        return watches.isEmpty();
    }

    /** The tables {@code writes} touched, in lower case. */
    static Set<String> tablesOf(List<Write> writes) {
        Set<String> names = new HashSet<>();
        TableState last = null;
        for (Write w : writes) {
            if (w.table() != last) {
                last = w.table();
                names.add(last.name().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(names);
    }

    /** A transaction that wrote {@code written} has committed: tells every watch of one of them. */
    void committed(Set<String> written) {
        for (Watch w : watches) {
            for (String t : written) {
                if (w.tables().contains(t)) {
                    w.changed().accept(written);
                    break;
                }
            }
        }
    }
}
