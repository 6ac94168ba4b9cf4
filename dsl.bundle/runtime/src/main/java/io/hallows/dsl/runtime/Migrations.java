package io.hallows.dsl.runtime;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brings the OLTP catalog to a module's stored models when a revision starts. Every table is
 * compared first: a missing table is created, a new field added as a column, a {@code @dropped}
 * field's column dropped; a changed type, a column that is no longer a field without the marker,
 * or a new required field on a table with rows is a problem. With any problem nothing is applied
 * and the revision does not start. The steps are idempotent and ordered (tables, then added
 * columns, then dropped ones): the engine's DDL commits statement by statement, so a crash half-way
 * leaves some steps done, and the next start does the rest. Raw queries are then prepared against
 * the catalog and their columns compared with their result type's fields.
 */
final class Migrations {
    private Migrations() {
    }

    static void apply(PtDb db, List<PtSchema.Table> tables, List<PtSchema.Query> queries) {
        List<String> problems = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (PtSchema.Table t : tables) {
            Map<String, Column> existing = columns(db, t.table());
            if (existing == null) {
                creates.add(createTable(t));
                continue;
            }
            compare(db, t, existing, problems, adds, drops);
        }
        if (problems.isEmpty()) {
            List<String> steps = new ArrayList<>(creates);
            steps.addAll(adds);
            steps.addAll(drops);
            steps.forEach(db::statement);
        }
        for (PtSchema.Query q : queries) {
            check(db, q, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("module '" + db.module() + "': the database does not fit its stored models"
                    + " and queries" + (creates.size() + adds.size() + drops.size() > 0 ? " (no table was changed)" : "")
                    + ": " + String.join("; ", problems));
        }
    }

    /** The columns of {@code table} by name, or null when there is no such table. */
    private static Map<String, Column> columns(PtDb db, String table) {
        try {
            Map<String, Column> out = new LinkedHashMap<>();
            for (Column c : db.describe("SELECT * FROM " + quote(table))) {
                out.put(c.name(), c);
            }
            return out;
        } catch (SqlException e) {
            if ("42P01".equals(e.sqlState())) {
                return null;
            }
            throw e;
        }
    }

    private static void compare(PtDb db, PtSchema.Table t, Map<String, Column> existing, List<String> problems,
            List<String> adds, List<String> drops) {
        Boolean empty = null;
        for (PtSchema.Column c : t.columns()) {
            Column found = existing.get(c.name());
            if (found == null) {
                if (!c.nullable()) {
                    if (empty == null) {
                        empty = db.statement("SELECT 1 FROM " + quote(t.table()) + " LIMIT 1").rows().isEmpty();
                    }
                    if (!empty) {
                        problems.add("field '" + c.name() + "' of " + t.model() + " is new and required, and table \""
                                + t.table() + "\" has rows: declare it Option<…> (a nullable column), or fill the table"
                                + " through another column first");
                        continue;
                    }
                }
                adds.add("ALTER TABLE " + quote(t.table()) + " ADD COLUMN " + column(c));
            } else if (!fits(SqlType.valueOf(c.type()), found.type())) {
                problems.add("field '" + c.name() + "' of " + t.model() + " is " + c.type() + " but column \"" + c.name()
                        + "\" of table \"" + t.table() + "\" is " + found.type() + ": a type change cannot be migrated;"
                        + " add a new field and mark this one @dropped");
            }
        }
        for (String name : existing.keySet()) {
            boolean field = t.columns().stream().anyMatch(c -> c.name().equals(name));
            if (field) {
                continue;
            }
            if (t.dropped().contains(name)) {
                drops.add("ALTER TABLE " + quote(t.table()) + " DROP COLUMN " + quote(name));
            } else {
                problems.add("column \"" + name + "\" of table \"" + t.table() + "\" is not a field of " + t.model()
                        + ": keep the field, or mark it '@dropped " + name + ": …' to drop the column and its data");
            }
        }
    }

    private static void check(PtDb db, PtSchema.Query q, List<String> problems) {
        List<Column> columns;
        try {
            columns = db.describe(q.sql());
        } catch (SqlException e) {
            problems.add(q.where() + ": sql query does not prepare: " + e.getMessage());
            return;
        }
        if (q.scalar()) {
            if (columns.size() != 1) {
                problems.add(q.where() + ": sql query returns " + columns.size() + " columns, its result type needs 1");
            } else if (!fits(SqlType.valueOf(q.columns().getFirst().type()), columns.getFirst().type())) {
                problems.add(q.where() + ": column \"" + columns.getFirst().name() + "\" is " + columns.getFirst().type()
                        + ", the result type needs " + q.columns().getFirst().type());
            } else {
                db.order(q.sql(), new int[] {0});
            }
            return;
        }
        int[] order = new int[q.columns().size()];
        for (int i = 0; i < order.length; i++) {
            PtSchema.Column want = q.columns().get(i);
            order[i] = -1;
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).name().equalsIgnoreCase(want.name())) {
                    order[i] = j;
                }
            }
            if (order[i] < 0) {
                problems.add(q.where() + ": sql query returns no column \"" + want.name() + "\" (it returns "
                        + String.join(", ", columns.stream().map(Column::name).toList()) + ")");
            } else if (!fits(SqlType.valueOf(want.type()), columns.get(order[i]).type())) {
                problems.add(q.where() + ": column \"" + want.name() + "\" is " + columns.get(order[i]).type()
                        + ", field '" + want.name() + "' needs " + want.type());
            }
        }
        if (columns.size() > order.length) {
            for (Column c : columns) {
                if (q.columns().stream().noneMatch(w -> w.name().equalsIgnoreCase(c.name()))) {
                    problems.add(q.where() + ": sql query returns column \"" + c.name() + "\", which is no field of its"
                            + " result type");
                }
            }
        }
        db.order(q.sql(), order);
    }

    /** Whether a column of type {@code actual} can be read as {@code wanted}: integers as Int, texts as String. */
    static boolean fits(SqlType wanted, SqlType actual) {
        return switch (wanted) {
            case INT8 -> actual == SqlType.INT8 || actual == SqlType.INT4 || actual == SqlType.INT2;
            case FLOAT8 -> actual == SqlType.FLOAT8 || actual == SqlType.FLOAT4;
            case TEXT -> actual == SqlType.TEXT || actual == SqlType.VARCHAR || actual == SqlType.BPCHAR || actual == SqlType.NAME;
            default -> actual == wanted;
        };
    }

    private static String createTable(PtSchema.Table t) {
        List<String> cols = new ArrayList<>();
        t.columns().forEach(c -> cols.add(column(c)));
        cols.add("PRIMARY KEY (" + quote(t.key()) + ")");
        return "CREATE TABLE IF NOT EXISTS " + quote(t.table()) + " (" + String.join(", ", cols) + ")";
    }

    private static String column(PtSchema.Column c) {
        String type = switch (SqlType.valueOf(c.type())) {
            case INT8 -> "BIGINT";
            case FLOAT8 -> "DOUBLE PRECISION";
            case BOOL -> "BOOLEAN";
            default -> "TEXT";
        };
        return quote(c.name()) + " " + type + (c.nullable() ? "" : " NOT NULL");
    }

    /**
     * A table or column name quoted, as the generated queries write it: a field may be a word SQL
     * reserves ({@code value}, {@code user}). Names are lower case and of letters, digits and '_'
     * (the checker's rules), so quoting only protects them.
     */
    static String quote(String name) {
        return "\"" + name.toLowerCase(Locale.ROOT) + "\"";
    }
}
