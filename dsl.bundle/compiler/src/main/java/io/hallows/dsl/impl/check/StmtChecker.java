package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements, and the flow through them. Each check returns whether the statement can complete
 * normally (the rules are Java's, so the generated code agrees): {@code return} and {@code raise}
 * cannot; {@code if}/{@code else}, {@code match} and {@code try} can when one of their branches
 * can; {@code while true} cannot; every other statement can. A statement after one that cannot is
 * unreachable, and an operation with a result must not be able to reach the end of its body.
 */
final class StmtChecker {
    private final ExprChecker exprs;
    private final Facts facts;
    private final Assignments assignments;

    StmtChecker(ExprChecker exprs) {
        this.exprs = exprs;
        this.facts = exprs.facts;
        this.assignments = new Assignments(exprs);
    }

    /** Checks {@code b} in a frame of its own; whether it can complete normally. */
    boolean block(Block b) {
        exprs.scope.enter();
        try {
            return statements(b.statements());
        } finally {
            exprs.scope.exit();
        }
    }

    private boolean statements(List<Stmt> statements) {
        boolean completes = true;
        boolean reported = false;
        for (Stmt s : statements) {
            if (!completes && !reported) {
                facts.error(s.pos(), CheckCode.UNREACHABLE, "unreachable statement: the statement before it always returns,"
                        + " raises or loops forever");
                reported = true;
            }
            completes &= statement(s);
        }
        return completes;
    }

    private boolean statement(Stmt s) {
        switch (s) {
            case Stmt.Let l -> let(l);
            case Stmt.Assign a -> assignments.assign(a);
            case Stmt.If i -> {
                condition(i.condition(), "if");
                boolean then = block(i.then());
                return i.orElse() == null || block(i.orElse()) || then;
            }
            case Stmt.For f -> forLoop(f);
            case Stmt.While w -> {
                condition(w.condition(), "while");
                block(w.body());
                return !(w.condition() instanceof Expr.BoolLit b && b.value());
            }
            case Stmt.Return r -> {
                ret(r);
                return false;
            }
            case Stmt.Raise r -> {
                raise(r);
                return false;
            }
            case Stmt.Try t -> {
                return tryCatch(t);
            }
            case Stmt.Match m -> {
                return match(m);
            }
            case Stmt.ExprStmt e -> expression(e.expr());
        }
        return true;
    }

    private void let(Stmt.Let l) {
        Type type;
        if (l.type() != null) {
            type = exprs.types.value(l.type(), List.of());
            exprs.expect(l.init(), type, "the initial value of '" + l.name() + "'");
        } else {
            type = exprs.value(l.init(), null);
        }
        declare(facts.resolve(l, new Symbol.Local(l.name(), type, l.mutable() ? Symbol.LocalKind.VAR : Symbol.LocalKind.LET, l.pos())));
    }

    private void declare(Symbol.Local local) {
        if (!exprs.scope.declare(local)) {
            facts.error(local.pos(), CheckCode.DUPLICATE, "'" + local.name() + "' is already defined here; choose another"
                    + " name (a local cannot hide a parameter or another local)");
        }
    }

    private void condition(Expr condition, String keyword) {
        Type t = exprs.value(condition, Type.BOOL);
        if (!Type.matches(Type.BOOL, t)) {
            facts.error(condition.pos(), CheckCode.CONDITION_NOT_BOOL, "the condition of '" + keyword + "' must be a Bool, found "
                    + t.display());
        }
    }

    private void forLoop(Stmt.For f) {
        Type t = exprs.value(f.iterable(), null);
        List<Type> types = new ArrayList<>();
        int expected = -1;
        switch (t) {
            case Type.ListOf l -> {
                types.add(l.element());
                expected = 1;
            }
            case Type.MapOf m -> {
                types.add(m.key());
                types.add(m.value());
                expected = 2;
            }
            case Type.Unknown u -> {
            }
            default -> facts.error(f.iterable().pos(), CheckCode.NOT_MATCHABLE, "for iterates over a List or a Map, found "
                    + t.display());
        }
        if (expected > 0 && f.variables().size() != expected) {
            facts.error(f.pos(), CheckCode.NOT_MATCHABLE, expected == 1 ? "a List gives one element per turn: for x in list"
                    : "a Map gives a key and a value per turn: for (k, v) in map");
        }
        exprs.scope.enter();
        for (int i = 0; i < f.variables().size(); i++) {
            Type type = i < types.size() && f.variables().size() == expected ? types.get(i) : Type.UNKNOWN;
            declare(new Symbol.Local(f.variables().get(i), type, Symbol.LocalKind.LOOP, f.pos()));
        }
        block(f.body());
        exprs.scope.exit();
    }

    private void ret(Stmt.Return r) {
        BodyScope scope = exprs.scope;
        Type result = scope.mode == BodyScope.Mode.OP ? scope.op.result() : Type.UNIT;
        if (r.value() == null) {
            if (result != Type.UNIT && !(result instanceof Type.Unknown)) {
                facts.error(r.pos(), CheckCode.RETURN_VALUE, scope.what + " returns " + result.display() + ": return a value");
            }
        } else if (result == Type.UNIT) {
            exprs.value(r.value(), null);
            facts.error(r.pos(), CheckCode.RETURN_VALUE, scope.what + " returns nothing: remove the value"
                    + (scope.mode == BodyScope.Mode.OP ? ", or declare a result type (op name(...): Type)" : ""));
        } else {
            exprs.expect(r.value(), result, "the result of " + scope.what);
        }
    }

    private void raise(Stmt.Raise r) {
        ErrorInfo error = exprs.types.error(r.error(), TypeResolver.ErrorUse.RAISE);
        if (error == null) {
            r.fields().forEach(f -> exprs.value(f.value(), null));
            return;
        }
        facts.resolve(r, new Symbol.ErrorType(error));
        exprs.literals.fields(r.fields(), error.fields(), "error '" + error.name() + "'", r.pos(),
                (init, type) -> exprs.expect(init.value(), type, "field '" + init.name() + "' of " + error.name()));
        exprs.calls.raised(List.of(error), null, r.pos());
    }

    private boolean tryCatch(Stmt.Try t) {
        List<ErrorInfo> caught = new ArrayList<>();
        List<ErrorInfo> perCatch = new ArrayList<>();
        for (Stmt.Catch c : t.catches()) {
            ErrorInfo error = exprs.types.error(c.errorType(), TypeResolver.ErrorUse.CATCH);
            if (error != null && caught.contains(error)) {
                facts.error(c.errorType().pos(), CheckCode.DUPLICATE, "'" + error.name() + "' is already caught by an earlier catch");
                error = null;
            } else if (error != null) {
                caught.add(error);
                facts.resolve(c, new Symbol.ErrorType(error));
            }
            perCatch.add(error);
        }
        exprs.scope.pushHandlers(caught);
        boolean completes = block(t.body());
        exprs.scope.popHandlers();
        for (int i = 0; i < t.catches().size(); i++) {
            Stmt.Catch c = t.catches().get(i);
            exprs.scope.enter();
            ErrorInfo error = perCatch.get(i);
            declare(new Symbol.Local(c.variable(), error == null ? Type.UNKNOWN : new Type.Error(error), Symbol.LocalKind.CATCH, c.pos()));
            completes |= statements(c.body().statements());
            exprs.scope.exit();
        }
        return completes;
    }

    private boolean match(Stmt.Match m) {
        Type t = exprs.value(m.subject(), null);
        Type element = t instanceof Type.OptionOf o ? o.element() : Type.UNKNOWN;
        if (!(t instanceof Type.OptionOf) && !(t instanceof Type.Unknown)) {
            facts.error(m.subject().pos(), CheckCode.NOT_MATCHABLE, "match takes an Option, found " + t.display()
                    + (t == Type.BOOL ? "; use if" : ""));
        }
        exprs.scope.enter();
        declare(new Symbol.Local(m.binding(), element, Symbol.LocalKind.BINDING, m.some().pos()));
        boolean some = statements(m.some().statements());
        exprs.scope.exit();
        boolean none = block(m.none());
        return some || none;
    }

    private void expression(Expr e) {
        if (exprs.check(e, null) instanceof Type.Unknown) {
            return;
        }
        Symbol symbol = facts.symbols.get(e);
        boolean call = e instanceof Expr.Call || e instanceof Expr.MethodCall;
        boolean effect = symbol instanceof Symbol.Op || symbol == null && call
                || symbol instanceof Symbol.Stored st && StoredCalls.WRITES.contains(st.method())
                || symbol instanceof Symbol.Function f && f.function().effect();
        if (!effect) {
            facts.error(e.pos(), CheckCode.UNUSED_VALUE, call ? "the result of this call is not used, and the call has no"
                    + " effect: remove it or use its value" : "this expression computes a value that is not used");
        }
    }
}
