package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Types expressions: names, operators and field reads here; calls in {@link CallChecker},
 * literals in {@link Literals}. Every expression gets a type recorded in {@link Facts#types}, and
 * every name its symbol. The expected type, when the context gives one, lets {@code none}, empty
 * collections and generic model literals be typed; mismatches are reported by {@link #expect}.
 */
final class ExprChecker {
    final Facts facts;
    final ModuleSymbols module;
    final TypeResolver types;
    final CallChecker calls;
    final Literals literals;
    final StoredCalls stored;
    BodyScope scope;
    /** Inside {@code M.where(…)}: the stored model whose fields name its columns; else null. */
    StoredModel columns;

    ExprChecker(Facts facts, ModuleSymbols module, TypeResolver types) {
        this.facts = facts;
        this.module = module;
        this.types = types;
        this.calls = new CallChecker(this);
        this.literals = new Literals(this);
        this.stored = new StoredCalls(this);
    }

    /** The type of {@code e}, which must be {@code expected}; {@code what} names the place for the message. */
    Type expect(Expr e, Type expected, String what) {
        Type actual = value(e, expected);
        if (!Type.matches(expected, actual)) {
            facts.error(e.pos(), CheckCode.TYPE_MISMATCH, "type mismatch in " + what + ": expected " + expected.display()
                    + ", found " + actual.display());
        }
        return actual;
    }

    /** The type of {@code e} used as a value (not Unit). */
    Type value(Expr e, Type expected) {
        Type t = check(e, expected);
        if (t == Type.UNIT) {
            facts.error(e.pos(), CheckCode.NO_VALUE, "this returns nothing (Unit): it cannot be used as a value");
            return facts.type(e, Type.UNKNOWN);
        }
        return t;
    }

    /** The type of {@code e}, Unit included. */
    Type check(Expr e, Type expected) {
        Type t = switch (e) {
            case Expr.IntLit i -> Type.INT;
            case Expr.FloatLit f -> Type.FLOAT;
            case Expr.StringLit s -> Type.STRING;
            case Expr.BoolLit b -> Type.BOOL;
            case Expr.NoneLit n -> literals.none(n, expected);
            case Expr.SomeExpr s -> new Type.OptionOf(value(s.value(), expected instanceof Type.OptionOf o ? o.element() : null));
            case Expr.Name n -> name(n);
            case Expr.ModelLiteral m -> literals.model(m, expected);
            case Expr.ListLiteral l -> literals.list(l, expected);
            case Expr.MapLiteral m -> literals.map(m, expected);
            case Expr.Binary b -> binary(b);
            case Expr.Unary u -> unary(u);
            case Expr.Call c -> calls.call(c);
            case Expr.MethodCall m -> calls.method(m);
            case Expr.FieldAccess f -> field(f);
            case Expr.SqlQuery q -> stored.sql(q);
            case Expr.Index i -> {
                value(i.target(), null);
                value(i.index(), null);
                facts.error(i.pos(), CheckCode.NO_INDEXING, "indexing with [] is not supported: use .get(i) on a List or"
                        + " .get(k) on a Map, which return an Option");
                yield Type.UNKNOWN;
            }
        };
        return facts.type(e, t);
    }

    private Type name(Expr.Name n) {
        if (columns != null && columns.fields().containsKey(n.name())) {
            return facts.resolve(n, new Symbol.Column(columns, n.name(), columns.fields().get(n.name()))).type();
        }
        Symbol.Local local = scope.lookup(n.name());
        if (local != null) {
            return facts.resolve(n, local).type();
        }
        Symbol.State state = scope.service.state().get(n.name());
        if (state != null) {
            reads(n.pos(), n.name(), state.kind());
            return facts.resolve(n, state).type();
        }
        Symbol.DerivedValue derived = scope.service.derived().get(n.name());
        if (derived != null) {
            reads(n.pos(), n.name(), null);
            return facts.resolve(n, derived).type();
        }
        String name = n.name();
        if (scope.service.ops().containsKey(name)) {
            facts.error(n.pos(), CheckCode.WRONG_KIND_OF_NAME, "'" + name + "' is an operation; call it: " + name + "(...)");
        } else if (isService(name)) {
            facts.error(n.pos(), CheckCode.WRONG_KIND_OF_NAME, "'" + name + "' is a service; call one of its operations: "
                    + name + ".<operation>(...)");
        } else if (module.models().containsKey(name) || module.errors().containsKey(name)) {
            facts.error(n.pos(), CheckCode.WRONG_KIND_OF_NAME, "'" + name + "' is a type, not a value");
        } else if (Builtins.function(name) != null) {
            facts.error(n.pos(), CheckCode.WRONG_KIND_OF_NAME, "'" + name + "' is a built-in function; call it: " + name + "(...)");
        } else {
            List<String> candidates = new ArrayList<>(scope.localNames());
            if (scope.mode != BodyScope.Mode.KEY && scope.mode != BodyScope.Mode.INITIALIZER) {
                candidates.addAll(scope.service.state().keySet());
                candidates.addAll(scope.service.derived().keySet());
            }
            facts.error(n.pos(), CheckCode.UNKNOWN_NAME, "unknown name '" + name + "'" + Names.suggest(name, candidates));
        }
        return Type.UNKNOWN;
    }

    /** Checks that the body may read state {@code name} ({@code kind} null for a derived value), recording a derived body's inputs. */
    private void reads(Position pos, String name, Member.VarKind kind) {
        String what = kind == null ? "derived value '" + name + "'" : kindWord(kind) + " '" + name + "'";
        switch (scope.mode) {
            case DERIVED -> {
                if (kind == null || kind == Member.VarKind.REACTIVE) {
                    scope.reads.add(name);
                } else {
                    facts.error(pos, CheckCode.DERIVED_NOT_REACTIVE, scope.what + " reads " + what + ", which is not tracked:"
                            + " make it a let_reactive_var (derived values follow reactive variables, derived values and constants)");
                }
            }
            case INITIALIZER -> facts.error(pos, CheckCode.NON_CONSTANT_INITIAL, scope.what + " cannot read " + what
                    + ": an initial value is a constant expression, computed once when the state is first created");
            case KEY -> facts.error(pos, CheckCode.BAD_HINT, "@key may only use the operation's parameters, not " + what);
            default -> {
            }
        }
    }

    static String kindWord(Member.VarKind kind) {
        return switch (kind) {
            case COW -> "let_cow_var";
            case MUT_SHARED -> "let_mut_shared_var";
            case REACTIVE -> "let_reactive_var";
        };
    }

    /** Reports when the body may not {@code action} (call operations or services, log); true when it may. */
    boolean allowsEffect(Position pos, String action) {
        switch (scope.mode) {
            case DERIVED -> facts.error(pos, CheckCode.DERIVED_NOT_REACTIVE, scope.what + " cannot " + action
                    + ": a derived value is a pure expression over reactive variables, derived values and constants");
            case INITIALIZER -> facts.error(pos, CheckCode.NON_CONSTANT_INITIAL, scope.what + " cannot " + action
                    + ": an initial value is a constant expression");
            case KEY -> facts.error(pos, CheckCode.BAD_HINT, "@key cannot " + action + ": it is an expression over the"
                    + " operation's parameters");
            default -> {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name}, where a value is expected, names a service (no local or state hides it). */
    boolean isService(String name) {
        return scope.lookup(name) == null && !scope.service.state().containsKey(name) && !scope.service.derived().containsKey(name)
                && (module.services().containsKey(name) || module.imported().containsKey(name));
    }

    private Type field(Expr.FieldAccess f) {
        if (f.receiver() instanceof Expr.Name n && isService(n.name())) {
            facts.error(n.pos(), CheckCode.WRONG_KIND_OF_NAME, "'" + n.name() + "' is a service; call one of its operations: "
                    + n.name() + ".<operation>(...)");
            return Type.UNKNOWN;
        }
        return fieldOf(value(f.receiver(), null), f.name(), f.namePos());
    }

    /** The type of field {@code name} of a {@code receiver}, or UNKNOWN after reporting. */
    Type fieldOf(Type receiver, String name, Position pos) {
        Type found = switch (receiver) {
            case Type.Model m -> m.field(name);
            case Type.Error e -> e.info().fields().get(name);
            case Type.Unknown u -> Type.UNKNOWN;
            default -> null;
        };
        if (found != null) {
            return found;
        }
        String message = switch (receiver) {
            case Type.Model m -> "model '" + m.info().name() + "' has no field '" + name + "'" + Names.suggest(name, m.info().fields().keySet());
            case Type.Error e -> "error '" + e.info().name() + "' has no field '" + name + "'" + Names.suggest(name, e.info().fields().keySet());
            default -> Builtins.method(receiver, name) != null
                    ? "'" + name + "' is a method of " + receiver.display() + "; call it: ." + name + "(...)"
                    : receiver.display() + " has no field '" + name + "'";
        };
        facts.error(pos, CheckCode.UNKNOWN_MEMBER, message);
        return Type.UNKNOWN;
    }

    private Type unary(Expr.Unary u) {
        Type t = value(u.operand(), null);
        boolean ok = u.op() == Expr.UnaryOp.NOT ? t == Type.BOOL : t == Type.INT || t == Type.FLOAT;
        if (!ok && !(t instanceof Type.Unknown)) {
            facts.error(u.pos(), CheckCode.BAD_OPERANDS, u.op() == Expr.UnaryOp.NOT
                    ? "'not' takes a Bool, found " + t.display() : "'-' takes an Int or a Float, found " + t.display());
            return u.op() == Expr.UnaryOp.NOT ? Type.BOOL : Type.UNKNOWN;
        }
        return t;
    }

    private Type binary(Expr.Binary b) {
        boolean rightFirst = Literals.needsContext(b.left()) && !Literals.needsContext(b.right());
        Type right = rightFirst ? value(b.right(), null) : null;
        Type left = value(b.left(), right);
        if (!rightFirst) {
            right = value(b.right(), left);
        }
        return Operators.type(b, left, right, facts);
    }
}
