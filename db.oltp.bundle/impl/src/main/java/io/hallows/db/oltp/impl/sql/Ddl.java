package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.IndexDef;
import io.hallows.db.oltp.impl.store.Store;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.db.oltp.impl.store.TableDef;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The DDL PostgreSQL clients send (pgbench's among them), which Calcite's Babel parser does not
 * take ({@code WITH (fillfactor=…)}, PostgreSQL's type names): CREATE/DROP TABLE, ALTER TABLE …
 * ADD PRIMARY KEY, ADD [COLUMN] [IF NOT EXISTS] and DROP [COLUMN] [IF EXISTS], CREATE INDEX,
 * DROP INDEX. A small recogniser over tokens, not a grammar of SQL.
 */
final class Ddl {
    private final Store store;
    private final Tokens in;

    private Ddl(Store store, Tokens in) {
        this.store = store;
        this.in = in;
    }

    /** Runs a CREATE, DROP or ALTER statement; the future completes once the store made it durable. */
    static CompletableFuture<Result> run(Store store, String sql, List<Lexer.Token> tokens) {
        return new Ddl(store, new Tokens(sql, tokens)).run();
    }

    private CompletableFuture<Result> run() {
        if (in.accept("create")) {
            if (in.accept("table")) {
                return createTable();
            }
            boolean unique = in.accept("unique");
            if (in.accept("index")) {
                return createIndex(unique);
            }
        } else if (in.accept("drop")) {
            if (in.accept("table")) {
                return dropTables();
            }
            if (in.accept("index")) {
                throw new SqlException("0A000", "DROP INDEX is not supported");
            }
        } else if (in.accept("alter") && in.accept("table")) {
            return alterTable();
        }
        throw in.error("statement not supported");
    }

    private CompletableFuture<Result> createTable() {
        boolean ifNotExists = in.accept("if") && in.expect("not") && in.expect("exists");
        String name = in.name();
        in.expectPunct("(");
        List<ColumnDef> columns = new ArrayList<>();
        List<String> pkNames = new ArrayList<>();
        do {
            if (in.accept("constraint")) {
                in.name();
            }
            if (in.accept("primary")) {
                in.expect("key");
                pkNames.addAll(in.nameList());
                continue;
            }
            columns.add(column(pkNames));
        } while (in.acceptPunct(","));
        in.expectPunct(")");
        if (in.accept("with")) {
            in.skipParenthesised();
        }
        in.end();
        List<Integer> pk = indexes(columns, pkNames);
        List<ColumnDef> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            cols.add(pk.contains(i) && !c.notNull() ? new ColumnDef(c.name(), c.type(), c.length(), c.scale(), true) : c);
        }
        return store.createTable(new TableDef(name, cols, pk), ifNotExists).thenApply(v -> Result.command("CREATE TABLE"));
    }

    /** {@code name type [(n[, s])] [NOT NULL | NULL | PRIMARY KEY]…}; a primary key column's name goes to {@code pkNames}. */
    private ColumnDef column(List<String> pkNames) {
        String col = in.name();
        String type = in.typeName();
        int length = -1;
        int scale = -1;
        if (in.acceptPunct("(")) {
            length = in.integer();
            if (in.acceptPunct(",")) {
                scale = in.integer();
            }
            in.expectPunct(")");
        }
        boolean notNull = false;
        while (!in.atPunct(",") && !in.atPunct(")") && !in.atEnd()) {
            if (in.accept("not")) {
                in.expect("null");
                notNull = true;
            } else if (in.accept("null")) {
                notNull = false;
            } else if (in.accept("primary")) {
                in.expect("key");
                pkNames.add(col);
                notNull = true;
            } else if (in.peek() != null && in.peek().kind() == Lexer.Kind.WORD) {
                throw new SqlException("0A000", "column constraint " + in.peek().text().toUpperCase(java.util.Locale.ROOT)
                        + " is not supported (NOT NULL and PRIMARY KEY are)", in.peek().start() + 1);
            } else {
                throw in.error("expected a column constraint");
            }
        }
        return Types.columnDef(col, type, length, scale, notNull);
    }

    private CompletableFuture<Result> dropTables() {
        boolean ifExists = in.accept("if") && in.expect("exists");
        List<String> names = new ArrayList<>();
        do {
            names.add(in.name());
        } while (in.acceptPunct(","));
        if (!in.accept("cascade")) {
            in.accept("restrict");
        }
        in.end();
        for (String n : names) {
            if (!ifExists && store.table(n).isEmpty()) {
                throw new SqlException("42P01", "table \"" + n + "\" does not exist");
            }
        }
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (String n : names) {
            all = all.thenCompose(v -> store.dropTable(n, ifExists));
        }
        return all.thenApply(v -> Result.command("DROP TABLE"));
    }

    private CompletableFuture<Result> alterTable() {
        in.accept("only");
        Table table = table(in.name());
        String name = table.def().name();
        if (in.accept("drop")) {
            in.accept("column");
            boolean ifExists = in.accept("if") && in.expect("exists");
            String column = in.name();
            if (!in.accept("cascade")) {
                in.accept("restrict");
            }
            in.end();
            return store.dropColumn(name, column, ifExists).thenApply(v -> Result.command("ALTER TABLE"));
        }
        in.expect("add");
        if (in.accept("constraint")) {
            in.name();
            return addPrimaryKey(table);
        }
        if (in.accept("column") || in.peek() == null || !in.peek().is("primary")) {
            return addColumn(name);
        }
        return addPrimaryKey(table);
    }

    private CompletableFuture<Result> addColumn(String table) {
        boolean ifNotExists = in.accept("if") && in.expect("not") && in.expect("exists");
        List<String> pk = new ArrayList<>();
        ColumnDef column = column(pk);
        in.end();
        if (!pk.isEmpty()) {
            throw new SqlException("0A000", "ADD COLUMN … PRIMARY KEY is not supported: add the column, then the key");
        }
        return store.addColumn(table, column, ifNotExists).thenApply(v -> Result.command("ALTER TABLE"));
    }

    private CompletableFuture<Result> addPrimaryKey(Table table) {
        in.expect("primary");
        in.expect("key");
        List<Integer> cols = indexes(table.def().columns(), in.nameList());
        in.end();
        return store.addPrimaryKey(table.def().name(), cols).thenApply(v -> Result.command("ALTER TABLE"));
    }

    private CompletableFuture<Result> createIndex(boolean unique) {
        in.accept("concurrently");
        boolean ifNotExists = in.accept("if") && in.expect("not") && in.expect("exists");
        String name = in.accept("on") ? null : in.name();
        if (name != null) {
            in.expect("on");
        }
        in.accept("only");
        Table table = table(in.name());
        if (in.accept("using")) {
            in.name();
        }
        List<String> columns = in.nameList();
        in.end();
        String indexName = name != null ? name : table.def().name() + "_" + String.join("_", columns) + "_idx";
        IndexDef def = new IndexDef(indexName, table.def().name(), indexes(table.def().columns(), columns), unique);
        return store.createIndex(def, ifNotExists).thenApply(v -> Result.command("CREATE INDEX"));
    }

    private Table table(String name) {
        return store.table(name).orElseThrow(() -> new SqlException("42P01", "relation \"" + name + "\" does not exist"));
    }

    private static List<Integer> indexes(List<ColumnDef> columns, List<String> names) {
        List<Integer> out = new ArrayList<>();
        for (String n : names) {
            int i = 0;
            while (i < columns.size() && !columns.get(i).name().equals(n)) {
                i++;
            }
            if (i == columns.size()) {
                throw new SqlException("42703", "column \"" + n + "\" does not exist");
            }
            out.add(i);
        }
        return out;
    }
}
