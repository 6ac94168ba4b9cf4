package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Node;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ModelInfo;
import io.hallows.dsl.impl.check.StoredModel;
import io.hallows.dsl.impl.check.StoredTables;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Transactions;
import io.hallows.dsl.impl.check.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The database side of a service class: whether it needs the revision's
 * {@link io.hallows.dsl.runtime.PtDb}, the code that opens it with the module's schema (every
 * stored model and raw query, so that whichever service is created first migrates and checks
 * them all), and which operations run as one transaction.
 */
final class StoredGenerator {
    private static final String RT = JavaNames.RUNTIME;

    private StoredGenerator() {
    }

    /** Whether the module has stored models or raw queries. */
    static boolean usesDatabase(CheckedModule checked) {
        return checked.module().models().values().stream().anyMatch(m -> m.stored() != null)
                || checked.symbols().values().stream().anyMatch(s -> s instanceof Symbol.Stored);
    }

    /** Whether {@code op} runs as one transaction: it touches the database and did not opt out. */
    static boolean transactional(CheckedModule checked, Symbol.Op op) {
        return op.decl() != null && !Transactions.none(op.decl()) && StoredTables.touches(checked, op);
    }

    /** {@code PtDb.of($ctx, tables, queries)} for the module. */
    static String open(CheckedModule checked) {
        List<String> tables = new ArrayList<>();
        for (ModelInfo m : checked.module().models().values()) {
            StoredModel s = m.stored();
            if (s == null) {
                continue;
            }
            List<String> dropped = s.dropped().stream().map(JavaNames::literal).toList();
            tables.add("new " + RT + "PtSchema.Table(" + JavaNames.literal(m.name()) + ", " + JavaNames.literal(s.table()) + ", "
                    + JavaNames.literal(StoredModel.KEY) + ", " + columns(m.fields()) + ", java.util.List.<String>of("
                    + String.join(", ", dropped) + "))");
        }
        List<Expr.SqlQuery> queries = new ArrayList<>();
        for (Map.Entry<Node, Symbol> e : checked.symbols().entrySet()) {
            if (e.getKey() instanceof Expr.SqlQuery q && e.getValue() instanceof Symbol.Stored) {
                queries.add(q);
            }
        }
        queries.sort(Comparator.comparingInt(q -> q.pos().offset()));
        List<String> specs = new ArrayList<>();
        for (Expr.SqlQuery q : queries) {
            Type row = ((Type.ListOf) checked.type(q)).element();
            String sql = ((Expr.StringLit) q.args().getFirst()).value();
            String cols = row instanceof Type.Model m ? columns(m.info().fields())
                    : "java.util.List.of(" + column("value", row) + ")";
            specs.add("new " + RT + "PtSchema.Query(" + JavaNames.literal(sql) + ", " + cols + ", " + !(row instanceof Type.Model)
                    + ", " + JavaNames.literal(q.pos().file() + ":" + q.pos().line() + ":" + q.pos().column()) + ")");
        }
        return RT + "PtDb.of($ctx, java.util.List.<" + RT + "PtSchema.Table>of(" + String.join(", ", tables) + "), java.util.List.<"
                + RT + "PtSchema.Query>of(" + String.join(", ", specs) + "))";
    }

    private static String columns(Map<String, Type> fields) {
        List<String> out = new ArrayList<>();
        fields.forEach((name, type) -> out.add(column(name, type)));
        return "java.util.List.<" + RT + "PtSchema.Column>of(" + String.join(", ", out) + ")";
    }

    private static String column(String field, Type type) {
        return "new " + RT + "PtSchema.Column(" + JavaNames.literal(StoredModel.column(field)) + ", "
                + JavaNames.literal(StoredModel.sqlType(type)) + ", " + (type instanceof Type.OptionOf) + ")";
    }
}
