package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.FieldInit;
import io.hallows.dsl.impl.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which OLTP tables an operation uses, directly or through the operations of this module it calls:
 * the tables it reads (a streaming route re-runs it after a commit that wrote one of them), and
 * whether it touches stored models at all (then it is one transaction).
 */
public final class StoredTables {
    /** The tables a raw query names after FROM or JOIN, quoted or not. */
    private static final Pattern FROM = Pattern.compile("(?i)\\b(?:from|join)\\s+(\"?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Set<String> READS = Set.of("find", "all", "where", "count", "sql");

    private StoredTables() {
    }

    /** The tables (lower case) that {@code op} of {@code checked} reads, directly or through the operations it calls. */
    public static Set<String> read(CheckedModule checked, Symbol.Op op) {
        Set<String> tables = new TreeSet<>();
        visit(checked, op, s -> {
            if (!READS.contains(s.method())) {
                return;
            }
            if (s.method().equals("sql")) {
                tables.addAll(sqlTables(s.sql()));
            } else {
                tables.add(s.model().table());
            }
        });
        return Collections.unmodifiableSet(tables);
    }

    /** Whether {@code op} queries or changes a stored model or runs an sql query, directly or through its calls. */
    public static boolean touches(CheckedModule checked, Symbol.Op op) {
        boolean[] found = {false};
        visit(checked, op, s -> found[0] = true);
        return found[0];
    }

    /** The tables a raw query reads, as its FROM and JOIN clauses name them. */
    static Set<String> sqlTables(String sql) {
        Set<String> out = new TreeSet<>();
        Matcher m = FROM.matcher(sql == null ? "" : sql);
        while (m.find()) {
            out.add(m.group(1).isEmpty() ? m.group(2).toLowerCase(Locale.ROOT) : m.group(2));
        }
        return out;
    }

    /** A use of the database: a stored model's method, or {@code sql} with its text. */
    private record Use(StoredModel model, String method, String sql) {
    }

    private static void visit(CheckedModule checked, Symbol.Op start, Consumer<Use> use) {
        Set<Symbol.Op> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Symbol.Op> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            Symbol.Op op = todo.removeLast();
            if (op.decl() == null || !seen.add(op)) {
                continue;
            }
            block(op.decl().body(), e -> {
                Symbol s = checked.symbol(e);
                if (s instanceof Symbol.Stored stored) {
                    String sql = e instanceof Expr.SqlQuery q && q.args().getFirst() instanceof Expr.StringLit t ? t.value() : null;
                    use.accept(new Use(stored.model(), stored.method(), sql));
                } else if (s instanceof Symbol.Op called) {
                    todo.add(called);
                }
            });
        }
    }

    /** Calls {@code each} on every expression of {@code block}, nested ones included. */
    private static void block(Block block, Consumer<Expr> each) {
        if (block == null) {
            return;
        }
        for (Stmt s : block.statements()) {
            statement(s, each);
        }
    }

    private static void statement(Stmt s, Consumer<Expr> each) {
        Consumer<Expr> deep = e -> {
            if (e != null) {
                ExprTree.anyMatch(e, x -> {
                    each.accept(x);
                    return false;
                });
            }
        };
        switch (s) {
            case Stmt.Let l -> deep.accept(l.init());
            case Stmt.Assign a -> {
                deep.accept(a.target());
                deep.accept(a.value());
            }
            case Stmt.If i -> {
                deep.accept(i.condition());
                block(i.then(), each);
                block(i.orElse(), each);
            }
            case Stmt.For f -> {
                deep.accept(f.iterable());
                block(f.body(), each);
            }
            case Stmt.While w -> {
                deep.accept(w.condition());
                block(w.body(), each);
            }
            case Stmt.Return r -> deep.accept(r.value());
            case Stmt.Raise r -> r.fields().stream().map(FieldInit::value).forEach(deep);
            case Stmt.Try t -> {
                block(t.body(), each);
                t.catches().forEach(c -> block(c.body(), each));
            }
            case Stmt.Match m -> {
                deep.accept(m.subject());
                block(m.some(), each);
                block(m.none(), each);
            }
            case Stmt.ExprStmt x -> deep.accept(x.expr());
            default -> {
                // a statement without expressions of its own
            }
        }
    }
}
