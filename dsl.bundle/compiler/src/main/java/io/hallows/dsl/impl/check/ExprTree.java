package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.FieldInit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Walks expression trees. */
public final class ExprTree {
    private ExprTree() {
    }

    /** The direct sub-expressions of {@code e}, left to right. */
    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.SomeExpr s -> List.of(s.value());
            case Expr.ModelLiteral m -> m.fields().stream().map(FieldInit::value).toList();
            case Expr.ListLiteral l -> l.elements();
            case Expr.MapLiteral m -> m.entries().stream().flatMap(en -> java.util.stream.Stream.of(en.key(), en.value())).toList();
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Unary u -> List.of(u.operand());
            case Expr.Call c -> concat(c.callee(), c.args());
            case Expr.FieldAccess f -> List.of(f.receiver());
            case Expr.MethodCall m -> concat(m.receiver(), m.args());
            case Expr.Index i -> List.of(i.target(), i.index());
            case Expr.SqlQuery q -> q.args();
            default -> List.of();
        };
    }

    /** Whether {@code e} or any expression inside it satisfies {@code test}. */
    public static boolean anyMatch(Expr e, Predicate<Expr> test) {
        if (test.test(e)) {
            return true;
        }
        for (Expr child : children(e)) {
            if (anyMatch(child, test)) {
                return true;
            }
        }
        return false;
    }

    private static List<Expr> concat(Expr first, List<Expr> rest) {
        List<Expr> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
