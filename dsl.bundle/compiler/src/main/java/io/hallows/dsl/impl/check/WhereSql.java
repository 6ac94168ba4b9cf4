package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The condition of {@code M.where(…)} as SQL: a field of M is its column; a part without fields is
 * computed in Java and passed as a parameter {@code $n}; and, or, not, comparisons and {@code + - *}
 * on numbers over fields become SQL. Anything else over a field (a method call, division, an
 * Option field) cannot be translated, which the checker reports.
 */
public final class WhereSql {
    /**
     * The SQL of a condition.
     *
     * @param params     the expressions computed in Java, for {@code $1…}
     * @param paramTypes the SQL type of each ({@link StoredModel#sqlType})
     */
    public record Translation(String sql, List<Expr> params, List<String> paramTypes) {
    }

    private final Function<Expr, Symbol> symbols;
    private final Function<Expr, Type> types;

    public WhereSql(Function<Expr, Symbol> symbols, Function<Expr, Type> types) {
        this.symbols = symbols;
        this.types = types;
    }

    private boolean hasColumn(Expr e) {
        return ExprTree.anyMatch(e, x -> x instanceof Expr.Name && symbols.apply(x) instanceof Symbol.Column);
    }

    /** Reports the first part of {@code e} that cannot be translated; true when it all can. */
    boolean check(Expr e, Facts facts) {
        if (!hasColumn(e)) {
            Type t = types.apply(e);
            if (t != null && !(t instanceof Type.Unknown) && (t instanceof Type.OptionOf || StoredModel.sqlType(t) == null)) {
                facts.error(e.pos(), CheckCode.NOT_TRANSLATABLE, "a value in 'where' is passed to SQL, so it is an Int, Float,"
                        + " Bool or String, found " + t.display() + (t instanceof Type.OptionOf ? ": use .orElse(…)" : ""));
                return false;
            }
            return true;
        }
        return switch (e) {
            case Expr.Name n -> {
                Type t = types.apply(n);
                if (t instanceof Type.OptionOf) {
                    facts.error(n.pos(), CheckCode.NOT_TRANSLATABLE, "field '" + n.name() + "' is an Option (a nullable"
                            + " column), which 'where' cannot compare yet: query with sql<…> instead");
                    yield false;
                }
                yield true;
            }
            case Expr.Binary b -> switch (b.op()) {
                case DIV, MOD -> fail(b, facts, "'" + b.op().symbol() + "' over a field does not translate to SQL"
                        + " (SQL divides integers differently): compare with a product instead");
                case ADD, SUB, MUL -> types.apply(b) == Type.STRING
                        ? fail(b, facts, "'+' of Strings over a field does not translate to SQL")
                        : check(b.left(), facts) && check(b.right(), facts);
                default -> check(b.left(), facts) && check(b.right(), facts);
            };
            case Expr.Unary u -> check(u.operand(), facts);
            default -> fail(e, facts, "this expression over a field of the model does not translate to SQL: 'where' takes"
                    + " comparisons, and, or, not, and + - * over fields and values");
        };
    }

    private static boolean fail(Expr e, Facts facts, String message) {
        facts.error(e.pos(), CheckCode.NOT_TRANSLATABLE, message);
        return false;
    }

    /** The SQL of a checked condition. */
    public Translation translate(Expr e) {
        List<Expr> params = new ArrayList<>();
        List<String> paramTypes = new ArrayList<>();
        String sql = sql(e, params, paramTypes);
        return new Translation(sql, params, paramTypes);
    }

    private String sql(Expr e, List<Expr> params, List<String> paramTypes) {
        if (!hasColumn(e)) {
            params.add(e);
            paramTypes.add(StoredModel.sqlType(types.apply(e)));
            return "$" + params.size();
        }
        return switch (e) {
            case Expr.Name n -> "\"" + StoredModel.column(((Symbol.Column) symbols.apply(n)).field()) + "\"";
            case Expr.Binary b -> "(" + sql(b.left(), params, paramTypes) + " " + operator(b.op()) + " "
                    + sql(b.right(), params, paramTypes) + ")";
            case Expr.Unary u -> "(" + (u.op() == Expr.UnaryOp.NOT ? "NOT " : "-") + sql(u.operand(), params, paramTypes) + ")";
            default -> throw new IllegalStateException("untranslatable 'where' passed the checker at " + e.pos());
        };
    }

    private static String operator(Expr.BinaryOp op) {
        return switch (op) {
            case AND -> "AND";
            case OR -> "OR";
            case EQ -> "=";
            case NE -> "<>";
            default -> op.symbol();
        };
    }
}
