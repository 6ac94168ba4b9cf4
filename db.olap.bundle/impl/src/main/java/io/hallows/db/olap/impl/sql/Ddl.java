package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE and DROP TABLE. Column types are PostgreSQL's, mapped to the column kinds:
 * {@code integer}/{@code int}/{@code int4}/{@code smallint} → INT, {@code bigint}/{@code int8} →
 * BIGINT, {@code double precision}/{@code float8}/{@code float}/{@code real} → DOUBLE,
 * {@code decimal(p,s)}/{@code numeric(p,s)} (p ≤ 18) → DECIMAL, {@code varchar(n)}/{@code text}/
 * {@code char(n)} → VARCHAR, {@code date} → DATE, {@code boolean} → BOOLEAN. Constraints other
 * than NOT NULL (PRIMARY KEY, UNIQUE…) are accepted and not enforced: the tables are loaded in bulk.
 */
final class Ddl {
    private Ddl() {}

    static Result create(TableStore store, Words in) throws IOException {
        in.expect("create");
        in.expect("table");
        boolean ifNotExists = false;
        if (in.accept("if")) {
            in.expect("not");
            in.expect("exists");
            ifNotExists = true;
        }
        String name = tableName(in);
        in.expectPunct("(");
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            if (in.accept("primary") || in.accept("unique") || in.accept("constraint")) {
                skipConstraint(in);
                continue;
            }
            int at = in.position();
            String column = in.name();
            if (!seen.add(column)) {
                throw new SqlException("42701", "column \"" + column + "\" specified more than once", at);
            }
            columns.add(column(column, in));
        } while (in.acceptPunct(","));
        in.expectPunct(")");
        in.end();
        if (columns.isEmpty()) {
            throw new SqlException("42601", "a table needs at least one column");
        }
        store.create(name, columns, ifNotExists);
        return Result.command("CREATE TABLE");
    }

    static Result drop(TableStore store, Words in) throws IOException {
        in.expect("drop");
        in.expect("table");
        boolean ifExists = false;
        if (in.accept("if")) {
            in.expect("exists");
            ifExists = true;
        }
        List<String> names = new ArrayList<>();
        do {
            names.add(tableName(in));
        } while (in.acceptPunct(","));
        if (!in.accept("cascade")) {
            in.accept("restrict");
        }
        in.end();
        for (String n : names) {
            if (store.columns(n).isEmpty() && !ifExists && store.info().stream().noneMatch(t -> t.name().equals(n))) {
                throw new SqlException("42P01", "table \"" + n + "\" does not exist");
            }
        }
        for (String n : names) {
            store.drop(n);
        }
        return Result.command("DROP TABLE");
    }

    /** A table name, optionally qualified by the schema {@code public}; lower case letters, digits, '_'. */
    static String tableName(Words in) {
        int at = in.position();
        String name = in.name();
        if (in.acceptPunct(".")) {
            if (!name.equals("public")) {
                throw new SqlException("3F000", "schema \"" + name + "\" does not exist", at);
            }
            at = in.position();
            name = in.name();
        }
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            // The name is a file name in the data area: keep it to what is safe everywhere.
            throw new SqlException("42602", "invalid table name \"" + name + "\": use lower-case letters, digits and '_'", at);
        }
        return name;
    }

    private static ColumnDef column(String name, Words in) {
        int at = in.position();
        String type = in.name();
        ColumnDef def = switch (type) {
            case "integer", "int", "int4", "smallint", "int2" -> new ColumnDef(name, ColumnKind.INT, 0, 0, true);
            case "bigint", "int8" -> new ColumnDef(name, ColumnKind.BIGINT, 0, 0, true);
            case "double" -> {
                in.expect("precision");
                yield new ColumnDef(name, ColumnKind.DOUBLE, 0, 0, true);
            }
            case "float8", "float", "real", "float4" -> new ColumnDef(name, ColumnKind.DOUBLE, 0, 0, true);
            case "decimal", "numeric" -> decimal(name, in, at);
            case "varchar", "text", "char", "character", "bpchar" -> {
                if (type.equals("character")) {
                    in.accept("varying");
                }
                int length = 0;
                if (in.acceptPunct("(")) {
                    length = in.integer();
                    in.expectPunct(")");
                } else if (type.equals("char")) {
                    length = 1;
                }
                yield new ColumnDef(name, ColumnKind.VARCHAR, length, 0, true);
            }
            case "date" -> new ColumnDef(name, ColumnKind.DATE, 0, 0, true);
            case "boolean", "bool" -> new ColumnDef(name, ColumnKind.BOOLEAN, 0, 0, true);
            default -> throw new SqlException("0A000", "type \"" + type + "\" is not supported by the OLAP database", at);
        };
        boolean nullable = true;
        while (!in.atEnd() && !in.peek().equals(",") && !in.peek().equals(")")) {
            if (in.accept("not")) {
                in.expect("null");
                nullable = false;
            } else if (in.accept("null")) {
                nullable = true;
            } else if (in.accept("primary")) {
                in.expect("key");
                nullable = false;
            } else if (!in.accept("unique")) {
                throw in.error("unsupported column option");
            }
        }
        return new ColumnDef(def.name(), def.kind(), def.precision(), def.scale(), nullable);
    }

    private static ColumnDef decimal(String name, Words in, int at) {
        if (!in.acceptPunct("(")) {
            throw new SqlException("0A000", "NUMERIC without precision is not supported: give DECIMAL(p, s) with p ≤ 18", at);
        }
        int precision = in.integer();
        int scale = in.acceptPunct(",") ? in.integer() : 0;
        in.expectPunct(")");
        if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
            throw new SqlException("0A000", "DECIMAL(" + precision + ", " + scale + "): precision must be 1..18 and scale 0..precision", at);
        }
        return new ColumnDef(name, ColumnKind.DECIMAL, precision, scale, true);
    }

    private static void skipConstraint(Words in) {
        int depth = 0;
        while (!in.atEnd()) {
            String t = in.peek();
            if (depth == 0 && (t.equals(",") || t.equals(")"))) {
                return;
            }
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
            }
            in.skip();
        }
    }
}
