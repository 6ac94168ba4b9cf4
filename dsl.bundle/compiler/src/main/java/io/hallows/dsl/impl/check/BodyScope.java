package io.hallows.dsl.impl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is in scope while one body is checked: the kind of body (which decides what it may read and
 * call), its locals in nested frames, the errors enclosing {@code try}s catch, and for a derived
 * value the state it reads.
 */
final class BodyScope {
    /** The kinds of bodies. */
    enum Mode {
        /** An operation: everything. */
        OP,
        /** {@code on x changed}: like an operation that returns nothing and raises nothing. */
        SUBSCRIPTION,
        /** A derived value: reactive variables, derived values, constants, pure functions. */
        DERIVED,
        /** A state variable's initial value: constants and pure functions only. */
        INITIALIZER,
        /** A {@code @key} hint: the operation's parameters and pure functions. */
        KEY
    }

    final Mode mode;
    final ServiceInfo service;
    /** The operation of an OP or KEY body, else null. */
    final Symbol.Op op;
    /** The body, for messages: {@code operation 'price'}, {@code derived 'total'}. */
    final String what;
    /** The state and derived values a DERIVED body reads, by name, in order of first reading. */
    final Set<String> reads = new LinkedHashSet<>();
    private final Deque<Map<String, Symbol.Local>> frames = new ArrayDeque<>();
    private final Deque<List<ErrorInfo>> handlers = new ArrayDeque<>();

    BodyScope(Mode mode, ServiceInfo service, Symbol.Op op, String what) {
        this.mode = mode;
        this.service = service;
        this.op = op;
        this.what = what;
        frames.push(new HashMap<>());
        if (op != null) {
            op.params().forEach(this::declare);
        }
    }

    /** Whether the body may have effects: call operations and services, log. */
    boolean effects() {
        return mode == Mode.OP || mode == Mode.SUBSCRIPTION;
    }

    void enter() {
        frames.push(new HashMap<>());
    }

    void exit() {
        frames.pop();
    }

    /** Declares a local in the innermost frame; false when a visible local already has its name. */
    boolean declare(Symbol.Local local) {
        if (lookup(local.name()) != null) {
            return false;
        }
        frames.peek().put(local.name(), local);
        return true;
    }

    Symbol.Local lookup(String name) {
        for (Map<String, Symbol.Local> frame : frames) {
            Symbol.Local found = frame.get(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The names of the visible locals, for suggestions. */
    List<String> localNames() {
        List<String> names = new ArrayList<>();
        frames.forEach(f -> names.addAll(f.keySet()));
        return names;
    }

    void pushHandlers(List<ErrorInfo> caught) {
        handlers.push(caught);
    }

    void popHandlers() {
        handlers.pop();
    }

    /** Whether an enclosing {@code try} catches {@code error}. */
    boolean caught(ErrorInfo error) {
        return handlers.stream().anyMatch(h -> h.contains(error));
    }
}
