package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;

/** Compiles Calcite's row expressions to {@link Expr}s (interpreted closures, no code generation). */
final class RexCompiler {
    private final RexBuilder rexBuilder;
    private final String database;

    RexCompiler(RexBuilder rexBuilder, String database) {
        this.rexBuilder = rexBuilder;
        this.database = database;
    }

    RexBuilder rexBuilder() {
        return rexBuilder;
    }

    List<Expr> compile(List<RexNode> nodes) {
        return nodes.stream().map(this::compile).toList();
    }

    Expr compile(RexNode node) {
        node = RexUtil.expandSearch(rexBuilder, null, node);
        if (node instanceof RexInputRef ref) {
            int i = ref.getIndex();
            return (row, ex) -> row[i];
        }
        if (node instanceof RexDynamicParam p) {
            int i = p.getIndex();
            return (row, ex) -> ex.params[i];
        }
        if (node instanceof RexLiteral lit) {
            Object v = literal(lit);
            return (row, ex) -> v;
        }
        if (node instanceof RexCall call) {
            return call(call);
        }
        throw new SqlException("0A000", "expression not supported: " + node);
    }

    static Object literal(RexLiteral lit) {
        if (lit.isNull()) {
            return null;
        }
        RelDataType t = lit.getType();
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> lit.getValueAs(Boolean.class);
            case CHAR, VARCHAR -> lit.getValueAs(String.class);
            case DECIMAL -> {
                java.math.BigDecimal d = lit.getValueAs(java.math.BigDecimal.class);
                yield t.getScale() == 0 && d.scale() <= 0 && t.getPrecision() <= 19 ? (Object) d.longValueExact() : d;
            }
            case SYMBOL, INTERVAL_DAY, INTERVAL_SECOND -> lit.getValue();
            default -> Values.coerce(lit.getValue3() instanceof NlsString s ? s.getValue() : lit.getValue3(),
                    Types.api(t), t.getPrecision(), t.getScale(), true);
        };
    }

    private Expr call(RexCall call) {
        List<Expr> args = compile(call.getOperands());
        Expr a = args.isEmpty() ? null : args.get(0);
        Expr b = args.size() > 1 ? args.get(1) : null;
        RelDataType type = call.getType();
        SqlKind kind = call.getKind();
        switch (kind) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD: {
                SqlType t = Types.api(type);
                int scale = type.getScale();
                return (row, ex) -> Arith.apply(kind, t, scale, a.eval(row, ex), b.eval(row, ex));
            }
            case MINUS_PREFIX: {
                SqlType t = Types.api(type);
                return (row, ex) -> Arith.negate(t, a.eval(row, ex));
            }
            case PLUS_PREFIX:
                return a;
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL:
                return (row, ex) -> {
                    Object x = a.eval(row, ex);
                    Object y = b.eval(row, ex);
                    if (x == null || y == null) {
                        return null;
                    }
                    int c = Values.compare(x, y);
                    return switch (kind) {
                        case EQUALS -> c == 0;
                        case NOT_EQUALS -> c != 0;
                        case LESS_THAN -> c < 0;
                        case LESS_THAN_OR_EQUAL -> c <= 0;
                        case GREATER_THAN -> c > 0;
                        default -> c >= 0;
                    };
                };
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM:
                return (row, ex) -> {
                    Object x = a.eval(row, ex);
                    Object y = b.eval(row, ex);
                    boolean same = x == null ? y == null : y != null && Values.compare(x, y) == 0;
                    return same == (kind == SqlKind.IS_NOT_DISTINCT_FROM);
                };
            case AND:
                return (row, ex) -> {
                    boolean unknown = false;
                    for (Expr e : args) {
                        Object v = e.eval(row, ex);
                        if (v == null) {
                            unknown = true;
                        } else if (!(Boolean) v) {
                            return false;
                        }
                    }
                    return unknown ? null : Boolean.TRUE;
                };
            case OR:
                return (row, ex) -> {
                    boolean unknown = false;
                    for (Expr e : args) {
                        Object v = e.eval(row, ex);
                        if (v == null) {
                            unknown = true;
                        } else if ((Boolean) v) {
                            return true;
                        }
                    }
                    return unknown ? null : Boolean.FALSE;
                };
            case NOT:
                return (row, ex) -> {
                    Object v = a.eval(row, ex);
                    return v == null ? null : !(Boolean) v;
                };
            case IS_NULL:
                return (row, ex) -> a.eval(row, ex) == null;
            case IS_NOT_NULL:
                return (row, ex) -> a.eval(row, ex) != null;
            case IS_TRUE:
                return (row, ex) -> Boolean.TRUE.equals(a.eval(row, ex));
            case IS_NOT_TRUE:
                return (row, ex) -> !Boolean.TRUE.equals(a.eval(row, ex));
            case IS_FALSE:
                return (row, ex) -> Boolean.FALSE.equals(a.eval(row, ex));
            case IS_NOT_FALSE:
                return (row, ex) -> !Boolean.FALSE.equals(a.eval(row, ex));
            case CAST: {
                SqlType t = Types.api(type);
                int len = type.getPrecision();
                int scale = type.getScale();
                boolean bounded = t == SqlType.VARCHAR || t == SqlType.BPCHAR || (t == SqlType.NUMERIC && len < 1000);
                return (row, ex) -> Values.coerce(a.eval(row, ex), t, bounded ? len : -1, bounded ? scale : -1, true);
            }
            case CASE:
                return (row, ex) -> {
                    int n = args.size();
                    for (int i = 0; i + 1 < n; i += 2) {
                        if (Boolean.TRUE.equals(args.get(i).eval(row, ex))) {
                            return args.get(i + 1).eval(row, ex);
                        }
                    }
                    return n % 2 == 1 ? args.get(n - 1).eval(row, ex) : null;
                };
            case COALESCE:
                return (row, ex) -> {
                    for (Expr e : args) {
                        Object v = e.eval(row, ex);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            case LIKE: {
                boolean negated = call.getOperator().getName().startsWith("NOT");
                return (row, ex) -> {
                    Object s = a.eval(row, ex);
                    Object p = b.eval(row, ex);
                    if (s == null || p == null) {
                        return null;
                    }
                    return like(Values.text(s), Values.text(p)) != negated;
                };
            }
            default:
                return function(call, args);
        }
    }

    private Expr function(RexCall call, List<Expr> args) {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        Expr a = args.isEmpty() ? null : args.get(0);
        switch (name) {
            case "||", "concat":
                return (row, ex) -> {
                    StringBuilder sb = new StringBuilder();
                    for (Expr e : args) {
                        Object v = e.eval(row, ex);
                        if (v == null && name.equals("||")) {
                            return null;
                        }
                        if (v != null) {
                            sb.append(Values.text(v));
                        }
                    }
                    return sb.toString();
                };
            case "current_timestamp", "localtimestamp", "now", "transaction_timestamp", "statement_timestamp":
                return (row, ex) -> Types.api(call.getType()) == SqlType.TIMESTAMPTZ
                        ? ex.now.atOffset(java.time.ZoneOffset.UTC) : ex.now;
            case "current_date":
                return (row, ex) -> ex.now.toLocalDate();
            case "version":
                return (row, ex) -> OltpSqlEngine.VERSION_STRING;
            case "current_database", "current_catalog":
                return (row, ex) -> database;
            case "current_schema":
                return (row, ex) -> "public";
            case "current_user", "session_user", "user", "current_role":
                return (row, ex) -> "hallows";
            case "upper":
                return (row, ex) -> nullOr(a.eval(row, ex), v -> Values.text(v).toUpperCase(Locale.ROOT));
            case "lower":
                return (row, ex) -> nullOr(a.eval(row, ex), v -> Values.text(v).toLowerCase(Locale.ROOT));
            case "char_length", "character_length", "length":
                return (row, ex) -> nullOr(a.eval(row, ex), v -> Values.text(v).length());
            case "abs": {
                SqlType t = Types.api(call.getType());
                return (row, ex) -> nullOr(a.eval(row, ex), v -> Values.compare(v, 0) < 0 ? Arith.negate(t, v) : v);
            }
            case "pg_backend_pid":
                return (row, ex) -> 1;
            case "pg_table_is_visible":
                return (row, ex) -> a.eval(row, ex) == null ? null : Boolean.TRUE;
            case "pg_get_userbyid":
                return (row, ex) -> a.eval(row, ex) == null ? null : "hallows";
            case "obj_description":
                return (row, ex) -> null;
            case "format_type":
                return (row, ex) -> nullOr(a.eval(row, ex), v -> typeName(Values.toLong(v, "oid"), args.get(1).eval(row, ex)));
            default:
                throw new SqlException("42883", "function " + name + " is not supported");
        }
    }

    /** PostgreSQL's name of a type with a modifier, as {@code format_type} gives it. */
    static String typeName(long oid, Object typmod) {
        SqlType t = SqlType.ofOid((int) oid);
        int mod = typmod == null ? -1 : (int) Values.toLong(typmod, "integer");
        return switch (t) {
            case INT2 -> "smallint";
            case INT4 -> "integer";
            case INT8 -> "bigint";
            case FLOAT4 -> "real";
            case FLOAT8 -> "double precision";
            case BOOL -> "boolean";
            case VARCHAR -> mod > 4 ? "character varying(" + (mod - 4) + ")" : "character varying";
            case BPCHAR -> mod > 4 ? "character(" + (mod - 4) + ")" : "character";
            case NUMERIC -> mod > 4 ? "numeric(" + ((mod - 4) >> 16) + "," + ((mod - 4) & 0xffff) + ")" : "numeric";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMPTZ -> "timestamp with time zone";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    private static Object nullOr(Object v, java.util.function.Function<Object, Object> f) {
        return v == null ? null : f.apply(v);
    }

    static boolean like(String s, String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(s).matches();
    }
}
