package io.hallows.dsl.impl.ast;

import java.util.List;

/** A member of a service: state, a derived value, a subscription or an operation. */
public sealed interface Member extends Node {
    /** The variable kinds of service state. */
    enum VarKind {
        /** {@code let_cow_var}: a copy-on-write value. */
        COW,
        /** {@code let_mut_shared_var}: shared and mutable, accessed under synchronisation. */
        MUT_SHARED,
        /** {@code let_reactive_var}: a signal; derived values and subscriptions re-run when it changes. */
        REACTIVE
    }

    /** {@code let_cow_var prices: Map<String, Int> = {...};} */
    record StateVar(Position pos, VarKind kind, String name, TypeRef type, Expr init) implements Member {
    }

    /** {@code derived taxFactor: Int = 100 + taxPercent;}: recomputed when what it reads changes. */
    record Derived(Position pos, String name, TypeRef type, Expr value) implements Member {
    }

    /** {@code on taxPercent changed { ... }}: runs when the reactive variable changes. */
    record Subscription(Position pos, Ident variable, Block body) implements Member {
    }

    /**
     * {@code @partition("web") op price(order: Order): Int raises UnknownSku { ... }}. Positioned at
     * its first hint if it has one, else at {@code op}.
     *
     * @param returnType the declared result, or null for an operation that returns nothing (Unit)
     * @param raises     the error types it declares, in order
     */
    record Operation(Position pos, List<Hint> hints, String name, List<Param> params, TypeRef returnType,
            List<Ident> raises, Block body) implements Member {
        public Operation {
            hints = List.copyOf(hints);
            params = List.copyOf(params);
            raises = List.copyOf(raises);
        }
    }
}
