package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.TemplateParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic checks of a module that parsed: names, types, variable kinds, reactivity and the
 * flow of errors. {@link Declarations} first (every name and signature), then each service's
 * bodies: state initializers, derived values (and their cycles), subscriptions, operations with
 * their hints.
 */
public final class Checker {
    private final Facts facts;
    private final ModuleSymbols module;
    private final ExprChecker exprs;
    private final StmtChecker stmts;
    private final Map<Member.Derived, List<String>> derivedReads = new IdentityHashMap<>();
    private final Map<String, List<Symbol.DerivedValue>> derivedOrder = new HashMap<>();

    private Checker(Facts facts, Declarations declarations) {
        this.facts = facts;
        this.module = declarations.module();
        this.exprs = new ExprChecker(facts, module, declarations.types());
        this.stmts = new StmtChecker(exprs);
    }

    /**
     * Checks {@code ast}, reporting into {@code diagnostics}; the result is only meaningful when no
     * error was reported.
     */
    public static CheckedModule check(ModuleDecl ast, Environment environment, Diagnostics diagnostics) {
        Facts facts = new Facts(diagnostics);
        Declarations declarations = Declarations.run(ast, new Imports(environment, ast.name().text()), facts);
        Checker checker = new Checker(facts, declarations);
        StoredModels.declare(ast, checker.module, facts);
        for (String segment : ast.name().text().split("\\.")) {
            if (Names.javaKeyword(segment)) {
                facts.error(ast.name().pos(), CheckCode.RESERVED_NAME, "module name segment '" + segment + "' is reserved"
                        + " in Java, and the module's name becomes its Java package (pt." + ast.name().text() + ".api): rename it");
            }
        }
        checker.module.services().values().forEach(checker::service);
        RouteChecker.check(checker.module, facts);
        return new CheckedModule(checker.module, facts.types, facts.symbols, checker.derivedReads, checker.derivedOrder);
    }

    private void service(ServiceInfo service) {
        for (Member m : service.decl().members()) {
            switch (m) {
                case Member.StateVar v when service.state().get(v.name()) instanceof Symbol.State s && s.decl() == v -> {
                    enter(BodyScope.Mode.INITIALIZER, service, null, "the initial value of '" + v.name() + "'");
                    exprs.expect(v.init(), s.type(), "the initial value of '" + v.name() + "'");
                }
                case Member.Derived d when service.derived().get(d.name()) instanceof Symbol.DerivedValue s && s.decl() == d -> {
                    BodyScope scope = enter(BodyScope.Mode.DERIVED, service, null, "derived '" + d.name() + "'");
                    exprs.expect(d.value(), s.type(), "derived '" + d.name() + "'");
                    derivedReads.put(d, List.copyOf(scope.reads));
                }
                case Member.Subscription s -> subscription(service, s);
                case Member.Operation op -> {
                    Symbol.Op symbol = service.op(op.name());
                    if (symbol != null && symbol.decl() == op) {
                        operation(service, symbol);
                    }
                }
                default -> {
                }
            }
        }
        derivedOrder.put(service.name(), DerivedGraph.order(service, derivedReads, facts));
    }

    private BodyScope enter(BodyScope.Mode mode, ServiceInfo service, Symbol.Op op, String what) {
        exprs.scope = new BodyScope(mode, service, op, what);
        return exprs.scope;
    }

    private void subscription(ServiceInfo service, Member.Subscription s) {
        Ident variable = s.variable();
        Symbol.State state = service.state().get(variable.text());
        Symbol.DerivedValue derived = service.derived().get(variable.text());
        if (state != null && state.kind() != Member.VarKind.REACTIVE) {
            facts.error(variable.pos(), CheckCode.NOT_SUBSCRIBABLE, "'" + variable.text() + "' is a "
                    + ExprChecker.kindWord(state.kind()) + ": only let_reactive_var variables and derived values can be"
                    + " watched; declare it let_reactive_var");
        } else if (state != null || derived != null) {
            facts.resolve(variable, state != null ? state : derived);
        } else {
            List<String> candidates = new ArrayList<>(service.derived().keySet());
            service.state().values().stream().filter(v -> v.kind() == Member.VarKind.REACTIVE).forEach(v -> candidates.add(v.name()));
            facts.error(variable.pos(), CheckCode.UNKNOWN_NAME, "unknown reactive variable '" + variable.text() + "'"
                    + Names.suggest(variable.text(), candidates));
        }
        enter(BodyScope.Mode.SUBSCRIPTION, service, null, "subscription 'on " + variable.text() + " changed'");
        stmts.block(s.body());
    }

    private void operation(ServiceInfo service, Symbol.Op op) {
        hints(service, op);
        String what = "operation '" + op.name() + "'";
        enter(BodyScope.Mode.OP, service, op, what);
        boolean completes = stmts.block(op.decl().body());
        if (completes && op.result() != Type.UNIT && !(op.result() instanceof Type.Unknown)) {
            facts.error(op.decl().pos(), CheckCode.MISSING_RETURN, what + " returns " + op.result().display()
                    + ", but its body can reach its end without a return");
        }
    }

    private void hints(ServiceInfo service, Symbol.Op op) {
        Set<String> seen = new HashSet<>();
        Hint key = null;
        boolean partition = false;
        for (Hint h : op.decl().hints()) {
            if (!seen.add(h.name())) {
                facts.error(h.pos(), CheckCode.UNKNOWN_HINT, "hint @" + h.name() + " is given twice");
                continue;
            }
            switch (h.name()) {
                case "partition" -> {
                    partition = true;
                    if (!(h.value() instanceof Expr.StringLit s) || s.value().isBlank()) {
                        facts.error(h.value().pos(), CheckCode.BAD_HINT, "@partition takes the partition's name as a string"
                                + " literal, e.g. @partition(\"web\")");
                    }
                }
                case "key" -> {
                    key = h;
                    enter(BodyScope.Mode.KEY, service, op, "@key");
                    exprs.value(h.value(), null);
                }
                case "transaction" -> Transactions.hint(h, facts);
                default -> {
                    if (!Routes.isRouteHint(h.name()) && !h.name().equals(TemplateParser.HINT)) {
                        List<String> known = new ArrayList<>(List.of("@partition", "@key", "@transaction"));
                        Routes.hintNames().forEach(r -> known.add("@" + r));
                        facts.error(h.pos(), CheckCode.UNKNOWN_HINT, "unknown hint '@" + h.name() + "'"
                                + Names.suggest("@" + h.name(), known) + "; the hints are @partition(\"name\"), @key(expression), @transaction(\"none\")"
                                + " and the routes @get/@post/@put/@patch/@delete/@sse/@ws(\"/path\")");
                    }
                }
            }
        }
        if (key != null && !partition) {
            facts.error(key.pos(), CheckCode.BAD_HINT, "@key orders the calls of an operation within its partition:"
                    + " add @partition(\"...\")");
        }
    }
}
