package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queries of stored models ({@code Product.find(id)}, {@code where}, {@code insert}…) and raw
 * {@code sql<T>(…)} queries: their arguments, results, and that a {@code where} condition
 * translates to SQL (see {@link WhereSql}).
 */
final class StoredCalls {
    /** The methods of a stored model, for messages. */
    static final List<String> METHODS = List.of("find", "all", "where", "insert", "update", "delete", "count");
    /** The methods that change rows: a call of one is a statement of its own (its Bool result may be dropped). */
    static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private final ExprChecker exprs;
    private final Facts facts;

    StoredCalls(ExprChecker exprs) {
        this.exprs = exprs;
        this.facts = exprs.facts;
    }

    /** Whether {@code m} calls a method on a model name ({@code Product.find(…)}), which this class then checks. */
    boolean handles(Expr.MethodCall m) {
        return m.receiver() instanceof Expr.Name n && exprs.scope.lookup(n.name()) == null
                && !exprs.scope.service.state().containsKey(n.name()) && !exprs.scope.service.derived().containsKey(n.name())
                && exprs.module.models().containsKey(n.name());
    }

    Type method(Expr.MethodCall m) {
        ModelInfo info = exprs.module.models().get(((Expr.Name) m.receiver()).name());
        StoredModel stored = info.stored();
        if (stored == null) {
            loosely(m.args());
            facts.error(m.receiver().pos(), CheckCode.NOT_STORED, "model '" + info.name() + "' is not stored, so it has no"
                    + " method '" + m.name() + "': declare it 'model " + info.name() + " stored in \"<table>\" { … }'");
            return Type.UNKNOWN;
        }
        Type model = new Type.Model(info, List.of());
        Type key = stored.keyType();
        Type result = switch (m.name()) {
            case "find" -> args(m, List.of(key), new Type.OptionOf(model));
            case "all" -> args(m, List.of(), new Type.ListOf(model));
            case "count" -> args(m, List.of(), Type.INT);
            case "insert" -> args(m, List.of(model), Type.UNIT);
            case "update" -> args(m, List.of(model), Type.BOOL);
            case "delete" -> args(m, List.of(key), Type.BOOL);
            case "where" -> where(m, stored, new Type.ListOf(model));
            default -> {
                loosely(m.args());
                facts.error(m.namePos(), CheckCode.NOT_STORED, "stored model '" + info.name() + "' has no method '" + m.name()
                        + "'" + Names.suggest(m.name(), METHODS) + "; its methods are " + String.join(", ", METHODS));
                yield null;
            }
        };
        if (result == null) {
            return Type.UNKNOWN;
        }
        exprs.allowsEffect(m.pos(), "query stored model '" + info.name() + "'");
        facts.resolve(m, new Symbol.Stored(stored, m.name(), result));
        return result;
    }

    private Type args(Expr.MethodCall m, List<Type> params, Type result) {
        if (m.args().size() != params.size()) {
            loosely(m.args());
            facts.error(m.namePos(), CheckCode.WRONG_ARGUMENT_COUNT, "'" + m.name() + "' takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + ", found " + m.args().size());
            return null;
        }
        for (int i = 0; i < params.size(); i++) {
            exprs.expect(m.args().get(i), params.get(i), "argument " + (i + 1) + " of '" + m.name() + "'");
        }
        return result;
    }

    private Type where(Expr.MethodCall m, StoredModel stored, Type result) {
        if (m.args().size() != 1) {
            return args(m, List.of(Type.BOOL), result);
        }
        StoredModel outer = exprs.columns;
        exprs.columns = stored;
        int before = facts.diagnostics.list().size();
        try {
            exprs.expect(m.args().getFirst(), Type.BOOL, "the condition of 'where'");
        } finally {
            exprs.columns = outer;
        }
        if (facts.diagnostics.list().size() == before) { // a condition that does not type-check is not translated
            new WhereSql(facts.symbols::get, facts.types::get).check(m.args().getFirst(), facts);
        }
        return result;
    }

    /** {@code sql<T>("…", args…)}: a literal query, T a stored-type model or a scalar, {@code $n} for each argument. */
    Type sql(Expr.SqlQuery q) {
        Type row = exprs.types.value(q.type(), List.of());
        loosely(q.args());
        if (q.args().isEmpty() || !(q.args().getFirst() instanceof Expr.StringLit text)) {
            facts.error(q.pos(), CheckCode.BAD_SQL_QUERY, "sql<…> takes the query as a string literal first (it is"
                    + " prepared against the database's catalog when the module is deployed), then its arguments");
            return Type.UNKNOWN;
        }
        boolean ok = rowType(q, row);
        int highest = 0;
        Matcher p = PARAMETER.matcher(text.value());
        while (p.find()) {
            highest = Math.max(highest, Integer.parseInt(p.group(1)));
        }
        if (highest != q.args().size() - 1) {
            facts.error(q.pos(), CheckCode.BAD_SQL_QUERY, "the query uses parameters $1…$" + highest + " but "
                    + (q.args().size() - 1) + " argument(s) follow it");
            ok = false;
        }
        for (Expr a : q.args().subList(1, q.args().size())) {
            Type t = facts.types.get(a);
            if (t != null && !(t instanceof Type.Unknown) && StoredModel.sqlType(t) == null) {
                facts.error(a.pos(), CheckCode.BAD_SQL_QUERY, "a query argument is an Int, Float, Bool, String or an Option"
                        + " of one, found " + t.display());
                ok = false;
            }
        }
        exprs.allowsEffect(q.pos(), "run an sql query");
        if (!ok) {
            return Type.UNKNOWN;
        }
        Type result = new Type.ListOf(row);
        facts.resolve(q, new Symbol.Stored(row instanceof Type.Model m ? m.info().stored() : null, "sql", result));
        return result;
    }

    private boolean rowType(Expr.SqlQuery q, Type row) {
        if (row instanceof Type.Unknown) {
            return false;
        }
        if (row instanceof Type.Model m && !m.info().reactive() && m.info().typeParams().isEmpty()
                && m.info().fields().values().stream().allMatch(t -> StoredModel.sqlType(t) != null)) {
            return true;
        }
        if (!(row instanceof Type.Model) && StoredModel.sqlType(row) != null) {
            return true;
        }
        facts.error(q.type().pos(), CheckCode.BAD_SQL_QUERY, "the rows of sql<" + row.display() + "> cannot be read: the"
                + " row type is a model whose fields are Int, Float, Bool, String or Options of them, or one of those types"
                + " for a query of one column");
        return false;
    }

    private void loosely(List<Expr> args) {
        args.forEach(a -> exprs.value(a, null));
    }
}
