package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.FieldInit;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ModelInfo;
import io.hallows.dsl.impl.check.ServiceInfo;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Expressions to Java expressions. An expression of type Int, Float or Bool always becomes a Java
 * expression of primitive type (boxed sources are unboxed by a cast), so {@code ==} on them is
 * Java's {@code ==}; other values compare with {@code Objects.equals}. Int arithmetic goes through
 * {@link io.hallows.dsl.runtime.PtMath}; everything else is plain Java with direct calls.
 */
final class ExprGenerator {
    private static final String MATH = JavaNames.RUNTIME + "PtMath.";
    private static final String VALUES = JavaNames.RUNTIME + "PtValues.";

    private final CheckedModule checked;
    private final ServiceInfo service;
    private final Calls calls;
    /** Names that stand for another value while an expression is generated: a state variable inside its update, a copied local. */
    final Map<Symbol, String> renames = new IdentityHashMap<>();
    /** Inside a derived value's function: reactive state is read through {@code $r}. */
    boolean derived;
    /**
     * Copy-on-write variables read through a local taken once at the start of the body (their
     * snapshot), by local name; null when every read goes to the variable.
     */
    Map<Symbol.State, String> snapshots;
    /** What the body generated so far reads, assigns and calls: whether snapshots are sound for it. */
    final java.util.Set<Symbol.State> cowReads = new java.util.LinkedHashSet<>();
    final java.util.Set<Symbol.State> stateAssigned = new java.util.HashSet<>();
    boolean callsOperations;
    /** The locals the code generated so far reads or assigns: which ones a split body must share between its parts. */
    final java.util.Set<Symbol.Local> localsUsed = new java.util.HashSet<>();

    ExprGenerator(CheckedModule checked, ServiceInfo service) {
        this.checked = checked;
        this.service = service;
        this.calls = new Calls(this, checked, service);
    }

    Type type(Expr e) {
        return checked.type(e);
    }

    Symbol symbol(Expr e) {
        return checked.symbol(e);
    }

    String gen(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> i.value() + "L";
            case Expr.FloatLit f -> Double.toString(f.value());
            case Expr.StringLit s -> JavaNames.literal(s.value());
            case Expr.BoolLit b -> Boolean.toString(b.value());
            case Expr.NoneLit n -> "java.util.Optional.<" + element(type(n)) + ">empty()";
            case Expr.SomeExpr s -> "java.util.Optional.<" + element(type(s)) + ">of(" + gen(s.value()) + ")";
            case Expr.Name n -> name(n);
            case Expr.ModelLiteral m -> model(m);
            case Expr.ListLiteral l -> "java.util.List.<" + element(type(l)) + ">of(" + list(l.elements()) + ")";
            case Expr.MapLiteral m -> map(m);
            case Expr.Binary b -> binary(b);
            case Expr.Unary u -> unary(u);
            case Expr.Call c -> calls.call(c);
            case Expr.MethodCall m -> calls.method(m, false);
            case Expr.FieldAccess f -> field(f);
            case Expr.SqlQuery q -> calls.stored.sql(q);
            case Expr.Index i -> throw new IllegalStateException("indexing passed the checker at " + i.pos());
        };
    }

    /** {@code e}, a call, as a Java statement expression (its value, if any, dropped). */
    String statement(Expr e) {
        return e instanceof Expr.MethodCall m ? calls.method(m, true) : calls.call((Expr.Call) e);
    }

    String list(List<Expr> items) {
        return items.stream().map(this::gen).collect(Collectors.joining(", "));
    }

    private static String element(Type t) {
        return switch (t) {
            case Type.OptionOf o -> JavaNames.boxed(o.element());
            case Type.ListOf l -> JavaNames.boxed(l.element());
            default -> "Object";
        };
    }

    private String name(Expr.Name n) {
        Symbol s = symbol(n);
        if (s instanceof Symbol.Local l) {
            localsUsed.add(l);
        }
        String renamed = renames.get(s);
        if (renamed != null) {
            return JavaNames.unbox(renamed, type(n));
        }
        return switch (s) {
            case Symbol.Local l -> JavaNames.id(l.name());
            case Symbol.Column c -> throw new IllegalStateException("column " + c.field() + " outside 'where' at " + n.pos());
            case Symbol.State st -> JavaNames.unbox(state(st), st.type());
            case Symbol.DerivedValue d -> JavaNames.unbox(read("this." + JavaNames.id(d.name())), d.type());
            default -> throw new IllegalStateException("name " + n.name() + " resolved to " + s);
        };
    }

    private String state(Symbol.State st) {
        if (!derived && st.kind() == io.hallows.dsl.impl.ast.Member.VarKind.COW) {
            cowReads.add(st);
            String snapshot = snapshots == null ? null : snapshots.get(st);
            if (snapshot != null) {
                return snapshot;
            }
        }
        return read("this." + JavaNames.id(st.name()));
    }

    private String read(String field) {
        return derived ? "$r.get(" + field + ")" : field + ".get()";
    }

    private String model(Expr.ModelLiteral m) {
        Type.Model type = (Type.Model) type(m);
        ModelInfo info = type.info();
        Map<String, Expr> values = m.fields().stream().collect(Collectors.toMap(FieldInit::name, FieldInit::value));
        String args = info.fields().keySet().stream().map(f -> gen(values.get(f))).collect(Collectors.joining(", "));
        return "new " + JavaNames.type(type, false) + "(" + args + ")";
    }

    private String map(Expr.MapLiteral m) {
        Type.MapOf t = (Type.MapOf) type(m);
        StringBuilder out = new StringBuilder(VALUES + "<" + JavaNames.boxed(t.key()) + ", " + JavaNames.boxed(t.value()) + ">mapOf()");
        m.entries().forEach(en -> out.append(".put(").append(gen(en.key())).append(", ").append(gen(en.value())).append(")"));
        return out.append(".build()").toString();
    }

    private String binary(Expr.Binary b) {
        Type operand = type(b.left()) instanceof Type.Unknown ? type(b.right()) : type(b.left());
        String l = gen(b.left());
        String r = gen(b.right());
        boolean ints = operand == Type.INT;
        return switch (b.op()) {
            case AND -> "(" + l + " && " + r + ")";
            case OR -> "(" + l + " || " + r + ")";
            case EQ -> JavaNames.primitive(operand) ? "(" + l + " == " + r + ")" : "java.util.Objects.equals(" + l + ", " + r + ")";
            case NE -> JavaNames.primitive(operand) ? "(" + l + " != " + r + ")" : "!java.util.Objects.equals(" + l + ", " + r + ")";
            case LT, LE, GT, GE -> operand == Type.STRING
                    ? "(" + l + ".compareTo(" + r + ") " + b.op().symbol() + " 0)" : "(" + l + " " + b.op().symbol() + " " + r + ")";
            case ADD -> ints ? MATH + "add(" + l + ", " + r + ")" : "(" + l + " + " + r + ")";
            case SUB -> ints ? MATH + "sub(" + l + ", " + r + ")" : "(" + l + " - " + r + ")";
            case MUL -> ints ? MATH + "mul(" + l + ", " + r + ")" : "(" + l + " * " + r + ")";
            case DIV -> ints ? MATH + "div(" + l + ", " + r + ")" : "(" + l + " / " + r + ")";
            case MOD -> ints ? MATH + "mod(" + l + ", " + r + ")" : "(" + l + " % " + r + ")";
        };
    }

    private String unary(Expr.Unary u) {
        if (u.op() == Expr.UnaryOp.NOT) {
            return "(!" + gen(u.operand()) + ")";
        }
        if (u.operand() instanceof Expr.IntLit i) {
            return "-" + i.value() + "L";
        }
        return type(u) == Type.INT ? MATH + "neg(" + gen(u.operand()) + ")" : "(-" + gen(u.operand()) + ")";
    }

    private String field(Expr.FieldAccess f) {
        String access = gen(f.receiver()) + "." + JavaNames.id(f.name()) + "()";
        Type declared = switch (type(f.receiver())) {
            case Type.Model m -> m.info().fields().get(f.name());
            default -> type(f);
        };
        return declared instanceof Type.Param ? JavaNames.unbox(access, type(f)) : access;
    }
}
