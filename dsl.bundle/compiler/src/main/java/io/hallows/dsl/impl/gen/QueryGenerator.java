package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ModelInfo;
import io.hallows.dsl.impl.check.StoredModel;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import io.hallows.dsl.impl.check.WhereSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stored-model queries and raw {@code sql<T>} queries to Java: a call of the revision's
 * {@link io.hallows.dsl.runtime.PtDb} ({@code this.$db}) with the statement's text, fixed at
 * compile time (the database prepares it once per session), and its rows mapped to records.
 */
final class QueryGenerator {
    private static final String ROWS = JavaNames.RUNTIME + "PtRows.";

    private final ExprGenerator exprs;
    private final CheckedModule checked;

    QueryGenerator(ExprGenerator exprs, CheckedModule checked) {
        this.exprs = exprs;
        this.checked = checked;
    }

    /**
     * {@code Product.find(id)} and the other methods of a stored model; as a {@code statement},
     * without comparing the count of changed rows (a Java statement cannot be a comparison).
     */
    String method(Symbol.Stored s, Expr.MethodCall m, boolean statement) {
        StoredModel model = s.model();
        String table = quote(model.table());
        String key = quote(StoredModel.column(StoredModel.KEY));
        String keyType = StoredModel.sqlType(model.keyType());
        String select = "SELECT " + columns(model.fields()) + " FROM " + table;
        // A where condition is SQL, not Java: only its parts without fields are generated (as parameters).
        List<String> a = s.method().equals("where") ? List.of() : m.args().stream().map(exprs::gen).toList();
        return switch (s.method()) {
            case "find" -> rows(select + " WHERE " + key + " = $1", keyType, a, model.info()) + ".findFirst()";
            case "all" -> rows(select + " ORDER BY " + key, "", a, model.info()) + ".toList()";
            case "where" -> where(select, key, model, m.args().getFirst());
            case "count" -> ROWS + "toInt(this.$db.rows(" + JavaNames.literal("SELECT COUNT(*) FROM " + table) + ", \"\").get(0)[0])";
            case "insert" -> "this.$db.insert(" + JavaNames.literal(model.info().name()) + ", " + JavaNames.literal("INSERT INTO "
                    + table + " (" + columns(model.fields()) + ") VALUES (" + placeholders(model.fields().size(), 1) + ")")
                    + ", " + JavaNames.literal(types(model.fields())) + ", " + JavaNames.literal("SELECT 1 FROM " + table + " WHERE "
                    + key + " = $1") + ", " + List.copyOf(model.fields().keySet()).indexOf(StoredModel.KEY) + ", " + a.getFirst() + ")";
            case "update" -> changed("this.$db.write(" + JavaNames.literal(update(model)) + ", "
                    + JavaNames.literal(types(model.fields())) + ", " + a.getFirst() + ")", statement);
            case "delete" -> changed("this.$db.change(" + JavaNames.literal("DELETE FROM " + table + " WHERE " + key + " = $1")
                    + ", " + JavaNames.literal(keyType) + ", " + a.getFirst() + ")", statement);
            default -> throw new IllegalStateException("stored method " + s.method() + " passed the checker");
        };
    }

    private static String changed(String call, boolean statement) {
        return statement ? call : "(" + call + " > 0)";
    }

    /** {@code sql<T>("…", args…)}. */
    String sql(Expr.SqlQuery q) {
        Type row = ((Type.ListOf) checked.type(q)).element();
        List<Expr> args = q.args().subList(1, q.args().size());
        String types = args.stream().map(e -> StoredModel.sqlType(checked.type(e))).collect(Collectors.joining(","));
        String call = "this.$db.query(" + JavaNames.literal(((Expr.StringLit) q.args().getFirst()).value()) + ", "
                + JavaNames.literal(types) + argList(args.stream().map(exprs::gen).toList()) + ")";
        String mapper = row instanceof Type.Model m ? record(m.info()) : "$row -> " + value(row, "$row[0]");
        return call + ".stream().map(" + mapper + ").toList()";
    }

    private String where(String select, String key, StoredModel model, Expr condition) {
        WhereSql.Translation t = new WhereSql(checked::symbol, checked::type).translate(condition);
        List<String> params = t.params().stream().map(exprs::gen).toList();
        return "this.$db.rows(" + JavaNames.literal(select + " WHERE " + t.sql() + " ORDER BY " + key) + ", "
                + JavaNames.literal(String.join(",", t.paramTypes())) + argList(params) + ").stream().map("
                + record(model.info()) + ").toList()";
    }

    private String rows(String sql, String types, List<String> args, ModelInfo model) {
        return "this.$db.rows(" + JavaNames.literal(sql) + ", " + JavaNames.literal(types) + argList(args) + ").stream().map("
                + record(model) + ")";
    }

    private static String argList(List<String> args) {
        return args.stream().map(x -> ", " + x).collect(Collectors.joining());
    }

    /** A lambda from a row (columns in field order) to the model's record. */
    private static String record(ModelInfo m) {
        List<String> values = new ArrayList<>();
        int i = 0;
        for (Type t : m.fields().values()) {
            values.add(value(t, "$row[" + i++ + "]"));
        }
        return "$row -> new " + JavaNames.api(m.module(), m.name()) + "(" + String.join(", ", values) + ")";
    }

    private static String value(Type t, String cell) {
        boolean option = t instanceof Type.OptionOf;
        Type scalar = t instanceof Type.OptionOf o ? o.element() : t;
        String kind = scalar == Type.INT ? "Int" : scalar == Type.FLOAT ? "Float" : scalar == Type.BOOL ? "Bool" : "Str";
        return ROWS + (option ? "opt" + kind : "to" + kind) + "(" + cell + ")";
    }

    private static String update(StoredModel model) {
        List<String> sets = new ArrayList<>();
        String where = null;
        int i = 1;
        for (String f : model.fields().keySet()) {
            String assign = quote(StoredModel.column(f)) + " = $" + i++;
            if (f.equals(StoredModel.KEY)) {
                where = assign;
            } else {
                sets.add(assign);
            }
        }
        if (sets.isEmpty()) {
            sets.add(where);
        }
        return "UPDATE " + quote(model.table()) + " SET " + String.join(", ", sets) + " WHERE " + where;
    }

    static String columns(Map<String, Type> fields) {
        return fields.keySet().stream().map(f -> quote(StoredModel.column(f))).collect(Collectors.joining(", "));
    }

    static String types(Map<String, Type> fields) {
        return fields.values().stream().map(StoredModel::sqlType).collect(Collectors.joining(","));
    }

    private static String placeholders(int n, int from) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("$" + (from + i));
        }
        return String.join(", ", out);
    }

    /** A table or column name quoted: the checker allows only names that need no escaping. */
    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
