package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Field;
import io.hallows.dsl.impl.ast.ModuleDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the {@code model M stored in "table"} declarations of a module and records each as its
 * model's {@link StoredModel}: a table name PostgreSQL takes unquoted and no other stored model
 * of the module uses, a key field {@code id} of type Int or String, fields whose types map to
 * columns (Int, Float, Bool, String, and Option of those), {@code @dropped} only on stored models.
 */
final class StoredModels {
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private StoredModels() {
    }

    static void declare(ModuleDecl ast, ModuleSymbols module, Facts facts) {
        Map<String, String> tables = new HashMap<>();
        for (Decl d : ast.declarations()) {
            List<Field> fields = switch (d) {
                case Decl.ModelDecl m -> m.fields();
                case Decl.ErrorDecl e -> e.fields();
                default -> List.of();
            };
            boolean stored = d instanceof Decl.ModelDecl m && m.table() != null;
            if (!stored) {
                fields.stream().filter(Field::dropped).forEach(f -> facts.error(f.pos(), CheckCode.BAD_STORED_MODEL,
                        "@dropped marks a field of a stored model whose column is to be dropped; '" + d.name()
                                + "' is not stored: remove the field"));
                continue;
            }
            Decl.ModelDecl m = (Decl.ModelDecl) d;
            ModelInfo info = module.models().get(m.name());
            if (info == null || info.pos() != m.pos()) {
                continue; // a duplicate name, already reported
            }
            model(m, info, facts, tables);
            // Recorded even when it has problems (reported above): its queries are then checked
            // without a cascade of "not stored" errors; code is generated only for a clean module.
            List<String> dropped = new ArrayList<>();
            m.fields().stream().filter(Field::dropped).forEach(f -> dropped.add(StoredModel.column(f.name())));
            info.stored(new StoredModel(info, m.table(), dropped));
        }
    }

    /** Reports each reason why {@code m} cannot be stored. */
    private static void model(Decl.ModelDecl m, ModelInfo info, Facts facts, Map<String, String> tables) {
        String what = "stored model '" + m.name() + "'";
        if (!TABLE.matcher(m.table()).matches() || m.table().startsWith("pg_") || m.table().startsWith("pt_")) {
            facts.error(m.pos(), CheckCode.BAD_STORED_MODEL, "table name \"" + m.table() + "\" of " + what + " must be lower-case"
                    + " letters, digits and '_' (at most 63, not starting with a digit, 'pg_' or 'pt_', which the database"
                    + " and Parseltongue keep for themselves)");
        } else if (tables.putIfAbsent(m.table(), m.name()) != null) {
            facts.error(m.pos(), CheckCode.BAD_STORED_MODEL, what + " is stored in \"" + m.table() + "\", like model '"
                    + tables.get(m.table()) + "': a table holds one model");
        }
        if (m.reactive() || !m.typeParams().isEmpty()) {
            facts.error(m.pos(), CheckCode.BAD_STORED_MODEL, what + " cannot be " + (m.reactive() ? "a reactive_model" : "generic")
                    + ": its rows are plain values of fixed column types");
        }
        Type key = info.fields().get(StoredModel.KEY);
        if (key == null) {
            facts.error(m.pos(), CheckCode.BAD_STORED_MODEL, what + " has no field 'id': its primary key is the field 'id'"
                    + " (Int or String)");
        } else if (key != Type.INT && key != Type.STRING && !(key instanceof Type.Unknown)) {
            Field f = m.fields().stream().filter(x -> x.name().equals(StoredModel.KEY) && !x.dropped()).findFirst().orElseThrow();
            facts.error(f.type().pos(), CheckCode.BAD_STORED_MODEL, "the key 'id' of " + what + " is " + key.display()
                    + "; a key is an Int or a String");
        }
        Map<String, String> columns = new HashMap<>();
        for (Field f : m.fields()) {
            String column = StoredModel.column(f.name());
            if (!COLUMN.matcher(f.name()).matches()) {
                facts.error(f.pos(), CheckCode.BAD_STORED_MODEL, "field '" + f.name() + "' of " + what + " is a column name:"
                        + " letters, digits and '_', at most 63");
            } else if (columns.putIfAbsent(column, f.name()) != null && !columns.get(column).equals(f.name())) {
                facts.error(f.pos(), CheckCode.BAD_STORED_MODEL, "fields '" + columns.get(column) + "' and '" + f.name() + "' of "
                        + what + " differ only in case: both would be column \"" + column + "\"");
            }
            if (f.dropped()) {
                if (info.fields().containsKey(f.name())) {
                    facts.error(f.pos(), CheckCode.BAD_STORED_MODEL, "field '" + f.name() + "' of " + what + " is both kept"
                            + " and @dropped");
                } else if (f.name().equals(StoredModel.KEY)) {
                    facts.error(f.pos(), CheckCode.BAD_STORED_MODEL, "the key 'id' of " + what + " cannot be dropped");
                }
                continue;
            }
            Type t = info.fields().get(f.name());
            if (t != null && !(t instanceof Type.Unknown) && StoredModel.sqlType(t) == null) {
                facts.error(f.type().pos(), CheckCode.BAD_STORED_MODEL, "field '" + f.name() + "' of " + what + " is "
                        + t.display() + ", which has no column type: a stored field is an Int (BIGINT), Float (DOUBLE"
                        + " PRECISION), Bool (BOOLEAN), String (TEXT) or an Option of one (a nullable column)");
            }
        }
    }
}
