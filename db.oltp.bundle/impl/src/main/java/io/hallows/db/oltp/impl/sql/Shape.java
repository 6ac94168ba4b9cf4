package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement's text as the planner sees it: {@code $n} parameters become {@code ?}, and in the
 * normalised form numeric and string literals become {@code ?} too, so that statements that
 * differ only in literals share one cached plan. Each {@code ?} has a binding: a client
 * parameter or the literal it replaced. A RETURNING list is cut off for separate planning.
 *
 * @param key the text Calcite parses (and the cache key)
 * @param bindings one per {@code ?}, in text order: an {@link Integer} client parameter index or a {@link Literal}
 * @param returning the RETURNING list's text, or null
 * @param parameterCount how many client parameters ({@code $n}) the text names
 * @param locking true for a SELECT … FOR UPDATE/SHARE (the clause is cut from the key)
 */
record Shape(String key, List<Object> bindings, String returning, int parameterCount, boolean locking) {

    /** A literal the normalised text replaced by a parameter. */
    record Literal(String text, boolean string) {
    }

    private static final Set<String> TYPED_LITERAL = Set.of("date", "time", "timestamp", "timestamptz", "interval");
    private static final Set<String> END_OF_BY_LIST = Set.of("limit", "offset", "having", "fetch", "union", "except",
            "intersect", "from", "where", "window", "for", "returning");

    /** The cache key: the text and the RETURNING list. */
    String cacheKey() {
        String k = locking ? key + "\u0000FOR UPDATE" : key;
        return returning == null ? k : k + "\u0000" + returning;
    }

    boolean hasLiterals() {
        for (Object b : bindings) {
            if (b instanceof Literal) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shapes {@code sql}; with {@code normalise}, literals become parameters. {@code declared}
     * holds the client's types for {@code $n} (may be shorter, or hold UNKNOWN): a typed parameter
     * becomes {@code CAST(? AS type)} so that Calcite need not infer it.
     */
    static Shape of(String sql, List<Lexer.Token> tokens, boolean normalise, List<SqlType> declared) {
        int end = sql.length();
        String returning = null;
        if (!tokens.isEmpty() && (tokens.get(0).is("insert") || tokens.get(0).is("update") || tokens.get(0).is("delete"))) {
            int depth = 0;
            for (Lexer.Token t : tokens) {
                if (t.kind() == Lexer.Kind.PUNCT) {
                    depth += t.text().equals("(") ? 1 : t.text().equals(")") ? -1 : 0;
                } else if (depth == 0 && t.is("returning")) {
                    end = t.start();
                    returning = sql.substring(t.end());
                    break;
                }
            }
        }
        boolean locking = false;
        if (!tokens.isEmpty() && tokens.get(0).is("select")) {
            int at = lockingClause(tokens);
            if (at >= 0) {
                end = tokens.get(at).start();
                locking = true;
            }
        }
        StringBuilder out = new StringBuilder(end);
        List<Object> bindings = new ArrayList<>();
        int copied = 0;
        int params = 0;
        boolean byList = false;
        Lexer.Token prev = null;
        int negativeAt = -1;
        for (int ti = 0; ti < tokens.size(); ti++) {
            Lexer.Token t = tokens.get(ti);
            if (t.start() >= end) {
                break;
            }
            if (normalise && !byList && t.kind() == Lexer.Kind.PUNCT && t.text().equals("-") && ti + 1 < tokens.size()
                    && tokens.get(ti + 1).kind() == Lexer.Kind.NUMBER && unaryContext(prev)) {
                // "+ -4" and "+ 7" must share a plan: the sign belongs to the literal
                negativeAt = t.start();
                prev = t;
                continue;
            }
            if (t.kind() == Lexer.Kind.WORD) {
                if (t.is("by") && prev != null && (prev.is("order") || prev.is("group"))) {
                    byList = true;
                } else if (END_OF_BY_LIST.contains(t.text())) {
                    byList = false;
                }
            }
            String replacement = null;
            if (t.kind() == Lexer.Kind.PARAM) {
                int n = parse(t.text(), t.start());
                params = Math.max(params, n);
                bindings.add(n - 1);
                SqlType type = n <= declared.size() ? declared.get(n - 1) : SqlType.UNKNOWN;
                String p = normalise ? "?" : "?" + " ".repeat(t.end() - t.start() - 1);
                replacement = type == SqlType.UNKNOWN ? p : "CAST(" + p + " AS " + calciteName(type) + ")";
            } else if (normalise && !byList && (t.kind() == Lexer.Kind.NUMBER
                    || t.kind() == Lexer.Kind.STRING && t.text() == null)
                    && !(prev != null && prev.kind() == Lexer.Kind.WORD && TYPED_LITERAL.contains(prev.text()))) {
                boolean string = t.kind() == Lexer.Kind.STRING;
                boolean negative = negativeAt >= 0 && !string;
                bindings.add(new Literal(string ? Lexer.stringValue(sql, t) : negative ? "-" + t.text() : t.text(), string));
                replacement = "?";
            }
            int from = negativeAt >= 0 && replacement != null && t.kind() == Lexer.Kind.NUMBER ? negativeAt : t.start();
            negativeAt = -1;
            if (replacement != null) {
                out.append(sql, copied, from).append(replacement);
                copied = t.end();
            }
            prev = t;
        }
        out.append(sql, copied, end);
        return new Shape(out.toString(), List.copyOf(bindings), returning, params, locking);
    }

    private static final Set<String> LOCKING_WORDS = Set.of("for", "update", "share", "no", "key", "of", "nowait",
            "skip", "locked");

    /** The index of the token that starts a trailing top-level FOR UPDATE/SHARE clause, or -1. */
    private static int lockingClause(List<Lexer.Token> tokens) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Lexer.Token t = tokens.get(i);
            if (t.kind() == Lexer.Kind.PUNCT) {
                depth += t.text().equals("(") ? 1 : t.text().equals(")") ? -1 : 0;
            } else if (depth == 0 && t.is("for") && i + 1 < tokens.size()
                    && (tokens.get(i + 1).is("update") || tokens.get(i + 1).is("share") || tokens.get(i + 1).is("no")
                            || tokens.get(i + 1).is("key"))) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            return -1;
        }
        for (int i = found; i < tokens.size(); i++) {
            Lexer.Token t = tokens.get(i);
            boolean name = t.kind() == Lexer.Kind.WORD || t.kind() == Lexer.Kind.QUOTED
                    || t.kind() == Lexer.Kind.PUNCT && (t.text().equals(",") || t.text().equals("."));
            if (!(t.kind() == Lexer.Kind.WORD && LOCKING_WORDS.contains(t.text())) && !name) {
                return -1;
            }
        }
        return found;
    }

    private static final Set<String> BEFORE_OPERAND = Set.of("select", "where", "and", "or", "not", "then", "else",
            "when", "by", "values", "set", "limit", "offset", "in", "is", "between", "case", "on", "having", "return");

    /** True when a "-" after {@code prev} is a sign, not a subtraction. */
    private static boolean unaryContext(Lexer.Token prev) {
        if (prev == null) {
            return true;
        }
        return switch (prev.kind()) {
            case PUNCT -> !prev.text().equals(")");
            case WORD -> BEFORE_OPERAND.contains(prev.text());
            default -> false;
        };
    }

    private static int parse(String digits, int at) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new SqlException("42P02", "there is no parameter $" + digits, at + 1);
    }

    static String calciteName(SqlType t) {
        return switch (t) {
            case BOOL -> "BOOLEAN";
            case INT2 -> "SMALLINT";
            case INT4 -> "INTEGER";
            case INT8, OID -> "BIGINT";
            case FLOAT4 -> "REAL";
            case FLOAT8 -> "DOUBLE";
            case NUMERIC -> "DECIMAL";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
            case BYTEA -> "VARBINARY";
            default -> "VARCHAR";
        };
    }

    /**
     * The values of the plan's parameters: client parameters converted to the planned types, and
     * literals converted exactly. Returns null when a literal does not fit its parameter's type
     * exactly (e.g. 1.5 where an integer was inferred): the caller then plans the text as written.
     */
    Object[] bind(List<SqlType> planned, Object[] clientParams) {
        Object[] out = new Object[bindings.size()];
        for (int i = 0; i < out.length; i++) {
            SqlType type = i < planned.size() ? planned.get(i) : SqlType.UNKNOWN;
            Object b = bindings.get(i);
            if (b instanceof Integer p) {
                if (p >= clientParams.length) {
                    throw new SqlException("08P01", "statement needs " + parameterCount + " parameters, got " + clientParams.length);
                }
                out[i] = Values.coerce(clientParams[p], type, -1, -1, false);
            } else {
                Literal l = (Literal) b;
                Object v = literal(l, type);
                if (v == null) {
                    return null;
                }
                out[i] = v;
            }
        }
        return out;
    }

    private static Object literal(Literal l, SqlType type) {
        if (l.string()) {
            return switch (type) {
                case UNKNOWN -> null;
                default -> Values.coerce(l.text(), type, -1, -1, false);
            };
        }
        String s = l.text();
        String digits = s.startsWith("-") ? s.substring(1) : s;
        boolean integral = !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
        return switch (type) {
            case INT2, INT4, INT8 -> {
                if (!integral || digits.length() > 18) {
                    yield null;
                }
                long v = Long.parseLong(s);
                // Out of the inferred type's range: let the planner see the literal as written.
                long max = type == SqlType.INT8 ? Long.MAX_VALUE : type == SqlType.INT4 ? Integer.MAX_VALUE : Short.MAX_VALUE;
                yield Math.abs(v) <= max ? Values.coerce(v, type, -1, -1, false) : null;
            }
            case NUMERIC -> new BigDecimal(s);
            case FLOAT8 -> Double.parseDouble(s);
            default -> null;
        };
    }
}
