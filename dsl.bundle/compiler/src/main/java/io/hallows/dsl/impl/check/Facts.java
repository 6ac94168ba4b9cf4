package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Node;
import io.hallows.dsl.impl.ast.Position;
import io.hallows.dsl.impl.syntax.Diagnostics;
import java.util.IdentityHashMap;
import java.util.Map;

/** What checking a module finds out, shared by the checker's parts: diagnostics, types and symbols. */
final class Facts {
    final Diagnostics diagnostics;
    final Map<Expr, Type> types = new IdentityHashMap<>();
    final Map<Node, Symbol> symbols = new IdentityHashMap<>();

    Facts(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void error(Position pos, CheckCode code, String message) {
        diagnostics.error(pos, code.id(), message);
    }

    <S extends Symbol> S resolve(Node node, S symbol) {
        symbols.put(node, symbol);
        return symbol;
    }

    Type type(Expr expr, Type type) {
        types.put(expr, type);
        return type;
    }
}
