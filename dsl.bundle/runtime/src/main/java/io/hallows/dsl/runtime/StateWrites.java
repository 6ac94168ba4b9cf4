package io.hallows.dsl.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * When durable state is written: at the end of the operation that changed it. Generated code
 * brackets the body of every operation of a service that has {@code let_*_var}s with
 * {@link #enter()} and {@link Scope#exit()} (in a {@code finally}, so an operation that raises
 * persists what its cells hold when it ends, too). A write to a durable cell inside the bracket is
 * remembered on the current thread; when the outermost bracket of the thread closes, the cells
 * written are handed to their {@link StateSink}, one call (one transaction) per sink. A write
 * outside any bracket (a test, a tool) is persisted at once.
 *
 * <p>Operations that call each other on one thread nest: only the outermost one persists. An
 * operation run in another partition (on another thread) brackets its own body there, and persists
 * when it ends, before its caller resumes.
 *
 * <p>Cost when nothing durable was written: a thread-local lookup and a counter, per operation.
 *
 * @since 0.2
 */
public final class StateWrites {
    private static final ThreadLocal<Scope> SCOPE = ThreadLocal.withInitial(Scope::new);

    private StateWrites() {
    }

    /** Opens a bracket on this thread; close it with {@link Scope#exit()} on the same thread. */
    public static Scope enter() {
        Scope scope = SCOPE.get();
        scope.depth++;
        return scope;
    }

    /**
     * Runs {@code body} inside a bracket: what it writes is persisted when it returns or throws,
     * after whatever it committed (generated code puts a transaction's retries inside it).
     */
    public static <T> T around(java.util.function.Supplier<T> body) {
        Scope scope = enter();
        try {
            return body.get();
        } finally {
            scope.exit();
        }
    }

    /** Called by a durable cell after each write. */
    static void written(StateCell<?> cell) {
        Scope scope = SCOPE.get();
        if (scope.depth == 0) {
            cell.sink().persist(List.of(cell));
        } else {
            scope.add(cell);
        }
    }

    /** The brackets open on one thread, and the durable cells written inside them. */
    public static final class Scope {
        private int depth;
        private final List<StateCell<?>> written = new ArrayList<>(4);

        private Scope() {
        }

        private void add(StateCell<?> cell) {
            for (int i = 0; i < written.size(); i++) {
                if (written.get(i) == cell) {
                    return;
                }
            }
            written.add(cell);
        }

        /** Closes the bracket; the outermost one persists the cells written inside it. */
        public void exit() {
            if (depth == 0) {
                throw new IllegalStateException("no operation bracket is open on this thread");
            }
            if (--depth > 0 || written.isEmpty()) {
                return;
            }
            List<StateCell<?>> cells = List.copyOf(written);
            written.clear();
            StateSink first = cells.getFirst().sink();
            if (cells.stream().allMatch(c -> c.sink() == first)) {
                first.persist(cells);
                return;
            }
            java.util.Map<StateSink, List<StateCell<?>>> bySink = new java.util.LinkedHashMap<>();
            cells.forEach(c -> bySink.computeIfAbsent(c.sink(), s -> new ArrayList<>()).add(c));
            bySink.forEach(StateSink::persist);
        }
    }
}
