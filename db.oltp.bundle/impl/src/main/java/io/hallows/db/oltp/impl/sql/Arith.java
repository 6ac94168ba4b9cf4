package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.sql.SqlKind;

/** Arithmetic in the result type Calcite derived, with PostgreSQL's overflow and division errors. */
final class Arith {
    private Arith() {
    }

    static Object apply(SqlKind op, SqlType type, int scale, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        switch (type) {
            case INT2, INT4, INT8: {
                long x = Values.toLong(a, "bigint");
                long y = Values.toLong(b, "bigint");
                long r;
                try {
                    r = switch (op) {
                        case PLUS -> Math.addExact(x, y);
                        case MINUS -> Math.subtractExact(x, y);
                        case TIMES -> Math.multiplyExact(x, y);
                        case DIVIDE -> {
                            if (y == 0) {
                                throw new SqlException("22012", "division by zero");
                            }
                            yield x / y;
                        }
                        case MOD -> {
                            if (y == 0) {
                                throw new SqlException("22012", "division by zero");
                            }
                            yield x % y;
                        }
                        default -> throw new SqlException("0A000", "operator " + op + " is not supported");
                    };
                } catch (ArithmeticException e) {
                    throw new SqlException("22003", name(type) + " out of range");
                }
                return Values.coerce(r, type, -1, -1, false);
            }
            case FLOAT8, FLOAT4: {
                double x = ((Number) Values.coerce(a, SqlType.FLOAT8, -1, -1, false)).doubleValue();
                double y = ((Number) Values.coerce(b, SqlType.FLOAT8, -1, -1, false)).doubleValue();
                if ((op == SqlKind.DIVIDE || op == SqlKind.MOD) && y == 0) {
                    throw new SqlException("22012", "division by zero");
                }
                double r = switch (op) {
                    case PLUS -> x + y;
                    case MINUS -> x - y;
                    case TIMES -> x * y;
                    case DIVIDE -> x / y;
                    case MOD -> x % y;
                    default -> throw new SqlException("0A000", "operator " + op + " is not supported");
                };
                return type == SqlType.FLOAT4 ? (Object) (float) r : (Object) r;
            }
            case NUMERIC: {
                BigDecimal x = Values.toDecimal(a);
                BigDecimal y = Values.toDecimal(b);
                if ((op == SqlKind.DIVIDE || op == SqlKind.MOD) && y.signum() == 0) {
                    throw new SqlException("22012", "division by zero");
                }
                return switch (op) {
                    case PLUS -> x.add(y);
                    case MINUS -> x.subtract(y);
                    case TIMES -> x.multiply(y);
                    // PostgreSQL gives a quotient at least 16 significant digits; 20 decimals covers the usual cases.
                    case DIVIDE -> x.divide(y, Math.max(Math.max(scale, 20), x.scale()), RoundingMode.HALF_UP);
                    case MOD -> x.remainder(y);
                    default -> throw new SqlException("0A000", "operator " + op + " is not supported");
                };
            }
            default:
                throw new SqlException("42883", "operator does not exist: " + name(type) + " " + op.sql + " " + name(type));
        }
    }

    static Object negate(SqlType type, Object a) {
        if (a == null) {
            return null;
        }
        return apply(SqlKind.MINUS, type, 0, Values.coerce(0, type, -1, -1, false), a);
    }

    private static String name(SqlType t) {
        return switch (t) {
            case INT2 -> "smallint";
            case INT4 -> "integer";
            case INT8 -> "bigint";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
