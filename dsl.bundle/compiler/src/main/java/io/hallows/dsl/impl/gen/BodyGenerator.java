package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.FieldInit;
import io.hallows.dsl.impl.ast.Stmt;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ErrorInfo;
import io.hallows.dsl.impl.check.ExprTree;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Statements of one method body to Java. The mapping is direct ({@code match} is an
 * {@code Optional} test, {@code raise} a {@code throw}); assignments to state are where the
 * variable kinds show: {@code x = e} where {@code e} reads {@code x} becomes
 * {@code x.update($x -> e)} (atomic: under the lock of a shared or reactive variable, by
 * compare-and-set for a copy-on-write one), any other assignment a {@code set}. A field assignment
 * of a {@code reactive_model} copies the value with the field replaced ({@code withField}).
 */
final class BodyGenerator {
    private final ExprGenerator exprs;
    private final CheckedModule checked;
    private final JavaWriter w;
    private int temps;

    BodyGenerator(ExprGenerator exprs, CheckedModule checked, JavaWriter w) {
        this.exprs = exprs;
        this.checked = checked;
        this.w = w;
    }

    void block(Block b) {
        b.statements().forEach(this::statement);
    }

    private String temp(String prefix) {
        return prefix + "$" + ++temps;
    }

    /** One statement; a local the caller hoisted into a holder (see {@link SplitBody}) is named by its rename. */
    void statement(Stmt s) {
        w.at(s.pos().line());
        switch (s) {
            case Stmt.Let l -> {
                Symbol.Local local = (Symbol.Local) checked.symbol(l);
                String hoisted = exprs.renames.get(local);
                w.line((hoisted != null ? hoisted : JavaNames.type(local.type(), false) + " " + JavaNames.id(l.name()))
                        + " = " + exprs.gen(l.init()) + ";");
            }
            case Stmt.Assign a -> assign(a);
            case Stmt.If i -> ifChain(i);
            case Stmt.For f -> forLoop(f);
            case Stmt.While wh -> whileLoop(wh);
            case Stmt.Return r -> w.line(r.value() == null ? "return;" : "return " + exprs.gen(r.value()) + ";");
            case Stmt.Raise r -> {
                ErrorInfo error = ((Symbol.ErrorType) checked.symbol(r)).info();
                w.line("throw new " + JavaNames.error(error) + "(" + ordered(r.fields(), error.fields()) + ");");
            }
            case Stmt.Try t -> {
                w.open("try");
                block(t.body());
                for (Stmt.Catch c : t.catches()) {
                    ErrorInfo error = ((Symbol.ErrorType) checked.symbol(c)).info();
                    w.reopen("catch (" + JavaNames.error(error) + " " + JavaNames.id(c.variable()) + ")");
                    block(c.body());
                }
                w.close();
            }
            case Stmt.Match m -> match(m);
            case Stmt.ExprStmt e -> w.line(exprs.statement(e.expr()) + ";");
        }
    }

    /** Field values in declaration order: the order of the constructor's parameters. */
    private String ordered(List<FieldInit> inits, Map<String, Type> declared) {
        Map<String, Expr> values = inits.stream().collect(Collectors.toMap(FieldInit::name, FieldInit::value));
        return declared.keySet().stream().map(f -> exprs.gen(values.get(f))).collect(Collectors.joining(", "));
    }

    private void ifChain(Stmt.If first) {
        Stmt.If current = first;
        w.open("if (" + exprs.gen(current.condition()) + ")");
        block(current.then());
        while (current.orElse() != null) {
            List<Stmt> orElse = current.orElse().statements();
            if (orElse.size() == 1 && orElse.getFirst() instanceof Stmt.If next) {
                w.reopen("else if (" + exprs.gen(next.condition()) + ")");
                block(next.then());
                current = next;
            } else {
                w.reopen("else");
                block(current.orElse());
                break;
            }
        }
        w.close();
    }

    private void forLoop(Stmt.For f) {
        Type iterable = checked.type(f.iterable());
        if (iterable instanceof Type.MapOf m) {
            String entry = temp("$e");
            w.open("for (java.util.Map.Entry<" + JavaNames.boxed(m.key()) + ", " + JavaNames.boxed(m.value()) + "> " + entry
                    + " : " + exprs.gen(f.iterable()) + ".entrySet())");
            w.line(JavaNames.type(m.key(), false) + " " + JavaNames.id(f.variables().get(0)) + " = " + entry + ".getKey();");
            w.line(JavaNames.type(m.value(), false) + " " + JavaNames.id(f.variables().get(1)) + " = " + entry + ".getValue();");
        } else {
            Type element = ((Type.ListOf) iterable).element();
            w.open("for (" + JavaNames.type(element, false) + " " + JavaNames.id(f.variables().getFirst()) + " : "
                    + exprs.gen(f.iterable()) + ")");
        }
        block(f.body());
        w.close();
    }

    /**
     * {@code while true} stays {@code while (true)}; a condition made of literals only would be a
     * Java constant, which changes Java's reachability rules, so it is tested inside the loop.
     */
    private void whileLoop(Stmt.While loop) {
        Expr c = loop.condition();
        boolean constant = !ExprTree.anyMatch(c, e -> !(e instanceof Expr.IntLit || e instanceof Expr.FloatLit
                || e instanceof Expr.BoolLit || e instanceof Expr.StringLit || e instanceof Expr.Binary || e instanceof Expr.Unary));
        if (c instanceof Expr.BoolLit b && b.value() || !constant) {
            w.open("while (" + exprs.gen(c) + ")");
        } else {
            w.open("while (true)");
            w.open("if (!" + exprs.gen(c) + ")");
            w.line("break;");
            w.close();
        }
        block(loop.body());
        w.close();
    }

    private void match(Stmt.Match m) {
        Type element = ((Type.OptionOf) checked.type(m.subject())).element();
        String option = temp("$m");
        w.line("java.util.Optional<" + JavaNames.boxed(element) + "> " + option + " = " + exprs.gen(m.subject()) + ";");
        w.open("if (" + option + ".isPresent())");
        w.line(JavaNames.type(element, false) + " " + JavaNames.id(m.binding()) + " = " + option + ".get();");
        block(m.some());
        w.reopen("else");
        block(m.none());
        w.close();
    }

    private void assign(Stmt.Assign a) {
        List<Expr.FieldAccess> path = new ArrayList<>();
        Expr root = a.target();
        while (root instanceof Expr.FieldAccess f) {
            path.addFirst(f);
            root = f.receiver();
        }
        Symbol symbol = checked.symbol(root);
        if (symbol instanceof Symbol.Local local) {
            exprs.localsUsed.add(local);
            String target = exprs.renames.getOrDefault(local, JavaNames.id(local.name()));
            w.line(target + " = " + with(target, path, exprs.gen(a.value())) + ";");
            return;
        }
        Symbol.State state = (Symbol.State) symbol;
        exprs.stateAssigned.add(state);
        String field = "this." + JavaNames.id(state.name());
        String current = "$" + state.name();
        boolean reads = ExprTree.anyMatch(a.value(), e -> checked.symbol(e) == state);
        if (!reads) {
            String value = exprs.gen(a.value());
            if (path.isEmpty()) {
                w.line(field + ".set(" + value + ");");
            } else {
                String v = temp("$v");
                w.line(JavaNames.type(checked.type(a.value()), false) + " " + v + " = " + value + ";");
                w.line(field + ".update(" + current + " -> " + with(current, path, v) + ");");
            }
            return;
        }
        List<Symbol> renamed = new ArrayList<>();
        ExprTree.anyMatch(a.value(), e -> {
            if (checked.symbol(e) instanceof Symbol.Local l && l.kind() == Symbol.LocalKind.VAR && !exprs.renames.containsKey(l)) {
                String copy = temp(JavaNames.id(l.name()));
                w.line(JavaNames.type(l.type(), false) + " " + copy + " = " + JavaNames.id(l.name()) + ";");
                exprs.renames.put(l, copy);
                renamed.add(l);
            }
            return false;
        });
        exprs.renames.put(state, current);
        renamed.add(state);
        w.line(field + ".update(" + current + " -> " + with(current, path, exprs.gen(a.value())) + ");");
        renamed.forEach(exprs.renames::remove);
    }

    /** {@code receiver} with the field at the end of {@code path} replaced by {@code value}. */
    private static String with(String receiver, List<Expr.FieldAccess> path, String value) {
        if (path.isEmpty()) {
            return value;
        }
        Expr.FieldAccess first = path.getFirst();
        String inner = with(receiver + "." + JavaNames.id(first.name()) + "()", path.subList(1, path.size()), value);
        return receiver + "." + JavaNames.wither(first.name()) + "(" + inner + ")";
    }
}
