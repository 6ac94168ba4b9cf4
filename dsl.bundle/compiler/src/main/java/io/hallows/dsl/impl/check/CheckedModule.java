package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.ast.Node;
import java.util.List;
import java.util.Map;

/**
 * A module that passed the checks, with what code generation needs: the tree, the declarations of
 * this and the imported modules, a type for every expression and a symbol for every name, call,
 * literal and error reference (both keyed by node identity), and per service its derived values in
 * dependency order with the reactive state and derived values each one reads. The errors an
 * operation raises are its {@link Symbol.Op#raises()}.
 *
 * @param derivedReads  the names each derived value reads (reactive variables, derived values)
 * @param derivedOrder  per service name, its derived values, each after the derived values it reads
 */
public record CheckedModule(ModuleSymbols module, Map<Expr, Type> types, Map<Node, Symbol> symbols,
        Map<Member.Derived, List<String>> derivedReads, Map<String, List<Symbol.DerivedValue>> derivedOrder) {

    public ModuleDecl ast() {
        return module.ast();
    }

    /** The type of {@code e}; every expression of a checked module has one. */
    public Type type(Expr e) {
        Type t = types.get(e);
        if (t == null) {
            throw new IllegalStateException("no type for " + e);
        }
        return t;
    }

    /** What {@code node} was resolved to, or null when it names nothing. */
    public Symbol symbol(Node node) {
        return symbols.get(node);
    }
}
