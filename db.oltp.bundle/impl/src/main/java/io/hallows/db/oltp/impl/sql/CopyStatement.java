package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.db.oltp.impl.store.Txn;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code COPY t [(cols)] FROM STDIN [[WITH] (options)]}: text format; FREEZE is accepted. */
final class CopyStatement {
    private CopyStatement() {
    }

    static CompletableFuture<Result> start(OltpSession s, Tokens in) {
        String name = in.name();
        Table table = s.engine.store.table(name)
                .orElseThrow(() -> new SqlException("42P01", "relation \"" + name + "\" does not exist"));
        List<ColumnDef> cols = table.def().columns();
        int[] targets;
        if (in.atPunct("(")) {
            List<String> names = in.nameList();
            targets = new int[names.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = -1;
                for (int c = 0; c < cols.size(); c++) {
                    if (cols.get(c).name().equals(names.get(i))) {
                        targets[i] = c;
                    }
                }
                if (targets[i] < 0) {
                    throw new SqlException("42703", "column \"" + names.get(i) + "\" of relation \"" + name + "\" does not exist");
                }
            }
        } else {
            targets = new int[cols.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = i;
            }
        }
        in.expect("from");
        if (!in.accept("stdin")) {
            throw new SqlException("0A000", "COPY FROM a file is not supported: use COPY … FROM STDIN");
        }
        char delimiter = '\t';
        String nullText = "\\N";
        in.accept("with");
        if (in.acceptPunct("(")) {
            do {
                String option = in.name();
                String value = in.atPunct(",") || in.atPunct(")") ? "true" : value(in);
                switch (option) {
                    case "freeze" -> { }
                    case "format" -> {
                        if (!value.equalsIgnoreCase("text")) {
                            throw new SqlException("0A000", "COPY format " + value + " is not supported (only text)");
                        }
                    }
                    case "delimiter" -> {
                        if (value.length() != 1) {
                            throw new SqlException("22023", "COPY delimiter must be a single one-byte character");
                        }
                        delimiter = value.charAt(0);
                    }
                    case "null" -> nullText = value;
                    default -> throw new SqlException("0A000", "COPY option \"" + option + "\" is not supported");
                }
            } while (in.acceptPunct(","));
            in.expectPunct(")");
        } else {
            while (in.accept("freeze")) {
                // the old syntax: COPY … FROM STDIN FREEZE
            }
        }
        in.end();
        boolean autocommit = !s.inBlock;
        Txn t = s.transaction();
        t.startStatement();
        CopyIn copy = new CopyIn(table, targets, delimiter, nullText, s.engine.executor, values -> {
            t.insert(table, values);
            return null;
        }, new CopyIn.Ending() {
            @Override
            public CompletableFuture<Result> finished(long rows) {
                s.copy = null;
                Result r = Result.command("COPY " + rows);
                return autocommit ? s.endAutocommit(t).thenApply(v -> r) : CompletableFuture.completedFuture(r);
            }

            @Override
            public void failed(SqlException error) {
                s.copy = null;
                s.abort(error);
            }
        });
        s.copy = copy;
        return CompletableFuture.completedFuture(new Result("COPY", List.of(), List.of(), copy, List.of()));
    }

    private static String value(Tokens in) {
        Lexer.Token t = in.peek();
        return t != null && t.kind() == Lexer.Kind.STRING ? in.string() : in.name();
    }
}
