package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Assignments: what may be assigned ({@code var} locals and state variables, not {@code let}s,
 * parameters or derived values), fields of {@code reactive_model} values (a field assignment
 * replaces the whole value held by its variable), and the purity a copy-on-write update needs.
 */
final class Assignments {
    private final ExprChecker exprs;
    private final Facts facts;

    Assignments(ExprChecker exprs) {
        this.exprs = exprs;
        this.facts = exprs.facts;
    }

    void assign(Stmt.Assign a) {
        Deque<Expr.FieldAccess> path = new ArrayDeque<>();
        Expr root = a.target();
        while (root instanceof Expr.FieldAccess f) {
            path.push(f);
            root = f.receiver();
        }
        if (!(root instanceof Expr.Name n)) {
            exprs.value(a.value(), null);
            return;
        }
        Type type = facts.type(n, root(n));
        for (Expr.FieldAccess f : path) {
            type = facts.type(f, field(type, f));
        }
        if (type instanceof Type.Unknown) {
            exprs.value(a.value(), null);
        } else {
            exprs.expect(a.value(), type, "the assignment to '" + text(a.target()) + "'");
        }
        if (facts.symbols.get(n) instanceof Symbol.State s && s.kind() == Member.VarKind.COW
                && ExprTree.anyMatch(a.value(), e -> facts.symbols.get(e) == s) && !pure(a.value())) {
            facts.error(a.pos(), CheckCode.IMPURE_COW_UPDATE, "let_cow_var '" + s.name() + "' is updated by compare-and-set,"
                    + " so this right-hand side may run more than once: it must not call operations, services or log"
                    + " (compute those first, into a let)");
        }
    }

    private Type root(Expr.Name n) {
        BodyScope scope = exprs.scope;
        Symbol.Local local = scope.lookup(n.name());
        if (local != null) {
            facts.resolve(n, local);
            String why = switch (local.kind()) {
                case PARAM -> "parameter '" + n.name() + "' cannot be assigned; copy it into a var first";
                case LET -> "'" + n.name() + "' is declared with let and cannot be assigned; declare it with var";
                case LOOP -> "loop variable '" + n.name() + "' cannot be assigned";
                case BINDING -> "'" + n.name() + "' is bound by match and cannot be assigned";
                case CATCH -> "caught error '" + n.name() + "' cannot be assigned";
                case VAR -> null;
            };
            if (why != null) {
                facts.error(n.pos(), CheckCode.NOT_ASSIGNABLE, why);
            }
            return local.type();
        }
        Symbol.State state = scope.service.state().get(n.name());
        if (state != null) {
            return facts.resolve(n, state).type();
        }
        Symbol.DerivedValue derived = scope.service.derived().get(n.name());
        if (derived != null) {
            facts.resolve(n, derived);
            facts.error(n.pos(), CheckCode.NOT_ASSIGNABLE, "'" + n.name() + "' is derived: it follows its inputs and cannot"
                    + " be assigned; assign the reactive variables it reads");
            return derived.type();
        }
        return exprs.value(n, null);
    }

    private Type field(Type receiver, Expr.FieldAccess f) {
        if (receiver instanceof Type.Model m && !m.info().reactive()) {
            facts.error(f.namePos(), CheckCode.NOT_ASSIGNABLE, "fields of model '" + m.info().name() + "' cannot be assigned:"
                    + " it is not a reactive_model (build a new value instead: " + m.info().name() + " { ... })");
            return Type.UNKNOWN;
        }
        if (receiver instanceof Type.Model || receiver instanceof Type.Unknown) {
            return exprs.fieldOf(receiver, f.name(), f.namePos());
        }
        facts.error(f.namePos(), CheckCode.NOT_ASSIGNABLE, receiver.display() + " has no fields to assign");
        return Type.UNKNOWN;
    }

    /** Whether evaluating {@code e} has no effect: no operation or service call, no log. */
    boolean pure(Expr e) {
        return !ExprTree.anyMatch(e, x -> facts.symbols.get(x) instanceof Symbol.Op
                || facts.symbols.get(x) instanceof Symbol.Function f && f.function().effect()
                || x instanceof Expr.MethodCall m && facts.symbols.get(m.receiver()) instanceof Symbol.Service);
    }

    private static String text(Expr target) {
        return switch (target) {
            case Expr.Name n -> n.name();
            case Expr.FieldAccess f -> text(f.receiver()) + "." + f.name();
            default -> "?";
        };
    }
}
