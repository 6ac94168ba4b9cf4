package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Isolation;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.db.oltp.impl.store.Txn;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Statements outside Calcite's grammar, recognised by their first keywords: transaction control,
 * SET/SHOW/RESET, VACUUM/ANALYZE, TRUNCATE, COPY and the DDL of {@link Ddl}.
 */
final class Commands {
    static final Set<String> ENDS_BLOCK = Set.of("rollback", "abort", "commit", "end");
    private static final Set<String> COMMANDS = Set.of("begin", "start", "commit", "end", "rollback", "abort", "set",
            "show", "reset", "discard", "deallocate", "vacuum", "analyze", "checkpoint", "truncate", "copy",
            "create", "drop", "alter");

    private Commands() {
    }

    static boolean isCommand(String first) {
        return COMMANDS.contains(first);
    }

    static CompletableFuture<Result> run(OltpSession s, String first, String sql, List<Lexer.Token> tokens) {
        Tokens in = new Tokens(sql, tokens);
        in.accept(first);
        switch (first) {
            case "begin", "start": {
                if (first.equals("start")) {
                    in.expect("transaction");
                } else if (!in.accept("transaction")) {
                    in.accept("work");
                }
                Isolation level = modes(in);
                in.end();
                if (s.inBlock) {
                    return done(new Result("BEGIN", List.of(), List.of(), null,
                            List.of("WARNING: there is already a transaction in progress")));
                }
                s.inBlock = true;
                s.blockIsolation = level;
                return done(Result.command("BEGIN"));
            }
            case "commit", "end": {
                if (!in.accept("transaction")) {
                    in.accept("work");
                }
                in.end();
                if (!s.inBlock) {
                    return done(new Result("COMMIT", List.of(), List.of(), null,
                            List.of("WARNING: there is no transaction in progress")));
                }
                boolean wasFailed = s.failed;
                s.inBlock = false;
                s.failed = false;
                s.blockIsolation = null;
                Txn t = s.txn;
                if (wasFailed || t == null) {
                    return done(Result.command(wasFailed ? "ROLLBACK" : "COMMIT"));
                }
                return s.endAutocommit(t).thenApply(v -> Result.command("COMMIT"));
            }
            case "rollback", "abort": {
                if (!in.accept("transaction")) {
                    in.accept("work");
                }
                in.end();
                boolean was = s.inBlock;
                if (s.txn != null) {
                    s.txn.rollback();
                    s.txn = null;
                }
                s.inBlock = false;
                s.failed = false;
                s.blockIsolation = null;
                return done(was ? Result.command("ROLLBACK") : new Result("ROLLBACK", List.of(), List.of(), null,
                        List.of("WARNING: there is no transaction in progress")));
            }
            case "set":
                return done(set(s, in));
            case "show":
                return done(s.settings.show(in.rest().replace("\"", ""),
                        s.txn != null ? s.txn.isolation() : s.inBlock && s.blockIsolation != null ? s.blockIsolation
                                : s.settings.defaultIsolation()));
            case "reset": {
                if (in.accept("all")) {
                    s.settings.resetAll();
                } else {
                    s.settings.set(in.name(), null);
                }
                return done(Result.command("RESET"));
            }
            case "discard":
                return done(Result.command("DISCARD " + in.rest().toUpperCase(java.util.Locale.ROOT)));
            case "deallocate":
                return done(Result.command("DEALLOCATE"));
            case "vacuum":
                s.engine.store.collectGarbage();
                return done(Result.command("VACUUM"));
            case "analyze", "checkpoint":
                return done(Result.command(first.toUpperCase(java.util.Locale.ROOT)));
            case "truncate":
                return truncate(s, in);
            case "copy":
                return CopyStatement.start(s, in);
            default:
                return Ddl.run(s.engine.store, sql, tokens).thenApply(r -> {
                    s.engine.cache.clear();
                    return r;
                });
        }
    }

    private static CompletableFuture<Result> done(Result r) {
        return CompletableFuture.completedFuture(r);
    }

    /** Transaction modes of BEGIN / SET TRANSACTION: the isolation level, or null when none is named. */
    private static Isolation modes(Tokens in) {
        Isolation level = null;
        while (!in.atEnd()) {
            if (in.accept("isolation")) {
                in.expect("level");
                StringBuilder words = new StringBuilder(in.name());
                if (!words.toString().equals("serializable")) {
                    words.append(' ').append(in.name());
                }
                level = Settings.isolation(words.toString());
            } else if (in.accept("read")) {
                if (!in.accept("write") && in.accept("only")) {
                    throw new SqlException("0A000", "READ ONLY transactions are not supported");
                }
            } else if (in.accept("not") || in.accept("deferrable")) {
                in.accept("deferrable");
            } else if (!in.acceptPunct(",")) {
                throw in.error("unknown transaction mode");
            }
        }
        return level;
    }

    private static Result set(OltpSession s, Tokens in) {
        if (!in.accept("session")) {
            in.accept("local");
        }
        if (in.accept("transaction")) {
            Isolation level = modes(in);
            if (level != null) {
                if (s.txn != null && s.inBlock) {
                    throw new SqlException("25001", "SET TRANSACTION ISOLATION LEVEL must be called before any query");
                }
                if (s.inBlock) {
                    s.blockIsolation = level;
                }
            }
            return Result.command("SET");
        }
        if (in.accept("characteristics")) {
            in.expect("as");
            in.expect("transaction");
            Isolation level = modes(in);
            if (level != null) {
                s.settings.set("default_transaction_isolation", Settings.name(level));
            }
            return Result.command("SET");
        }
        String name;
        if (in.accept("time")) {
            in.expect("zone");
            name = "timezone";
        } else {
            name = in.name();
            while (in.acceptPunct(".")) {
                name = name + "." + in.name();
            }
            if (!in.acceptPunct("=")) {
                in.expect("to");
            }
        }
        String value = in.rest();
        if (value.isEmpty()) {
            throw in.error("expected a value");
        }
        if (value.equalsIgnoreCase("default")) {
            value = null;
        } else if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1).replace("''", "'");
        }
        if (name.equals("transaction_isolation") && value != null) {
            s.blockIsolation = Settings.isolation(value);
            return Result.command("SET");
        }
        s.settings.set(name, value);
        return Result.command("SET");
    }

    private static CompletableFuture<Result> truncate(OltpSession s, Tokens in) {
        in.accept("table");
        in.accept("only");
        List<Table> tables = new ArrayList<>();
        do {
            String name = in.name();
            tables.add(s.engine.store.table(name).orElseThrow(
                    () -> new SqlException("42P01", "relation \"" + name + "\" does not exist")));
        } while (in.acceptPunct(","));
        while (in.accept("restart") || in.accept("continue") || in.accept("identity") || in.accept("cascade")
                || in.accept("restrict")) {
            // accepted: there are no sequences or foreign keys to act on
        }
        in.end();
        boolean autocommit = !s.inBlock;
        Txn t = s.transaction();
        t.startStatement();
        s.engine.store.truncate(t, tables);
        Result r = Result.command("TRUNCATE TABLE");
        return autocommit ? s.endAutocommit(t).thenApply(v -> r) : done(r);
    }
}
