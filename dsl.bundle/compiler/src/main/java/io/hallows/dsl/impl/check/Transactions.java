package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Member;

/**
 * {@code @transaction("none")}: the operation's statements commit one by one instead of the
 * operation being one transaction (the default for an operation that touches stored models).
 */
public final class Transactions {
    private Transactions() {
    }

    static void hint(Hint h, Facts facts) {
        if (!(h.value() instanceof Expr.StringLit s) || !s.value().equals("none")) {
            facts.error(h.value().pos(), CheckCode.BAD_TRANSACTION, "@transaction takes only \"none\": an operation that"
                    + " touches stored models is one transaction unless it says @transaction(\"none\")");
        }
    }

    /** Whether {@code op} opted out of its transaction. */
    public static boolean none(Member.Operation op) {
        return op.hints().stream().anyMatch(h -> h.name().equals("transaction"));
    }
}
