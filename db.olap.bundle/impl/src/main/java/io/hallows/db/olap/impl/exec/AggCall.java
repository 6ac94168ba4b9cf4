package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.SqlException;

/**
 * One aggregate function of an {@link Aggregate}.
 *
 * @param fn the function
 * @param arg the input column, or -1 (COUNT(*), LITERAL)
 * @param argType the input column's type (null without one)
 * @param literal the value of a LITERAL aggregate (as {@link io.hallows.db.olap.impl.expr.Const} holds it)
 * @param literalType its type
 */
public record AggCall(Fn fn, int arg, Type argType, Object literal, Type literalType) {
    public enum Fn { SUM, SUM0, COUNT, AVG, MIN, MAX, SINGLE_VALUE, ANY_VALUE, LITERAL }

    /**
     * The result's type: SUM keeps a DECIMAL's scale (BIGINT for integers), COUNT is BIGINT, AVG
     * is DOUBLE (as DuckDB's), the others keep their input's type.
     */
    public Type type() {
        return switch (fn) {
            case SUM, SUM0 -> switch (argType.kind()) {
                case DECIMAL -> Type.decimal(18, argType.scale());
                case DOUBLE -> Type.DOUBLE;
                case INT, BIGINT -> Type.BIGINT;
                default -> throw new SqlException("42883", "function sum(" + argType + ") does not exist");
            };
            case COUNT -> Type.BIGINT;
            case AVG -> {
                if (!argType.isNumeric()) {
                    throw new SqlException("42883", "function avg(" + argType + ") does not exist");
                }
                yield Type.DOUBLE;
            }
            case LITERAL -> literalType;
            default -> argType;
        };
    }

    Acc newAcc() {
        return switch (fn) {
            case SUM, SUM0 -> argType.kind() == ColumnKind.DOUBLE ? new Acc.DoubleSum(fn == Fn.SUM0) : new Acc.LongSum(fn == Fn.SUM0);
            case COUNT -> new Acc.Count(arg < 0);
            case AVG -> new Acc.Avg(argType);
            case MIN, MAX, SINGLE_VALUE, ANY_VALUE -> new PickAcc(fn, argType);
            case LITERAL -> new LiteralAcc(literalType, literal);
        };
    }

    @Override
    public String toString() {
        return fn.name().toLowerCase(java.util.Locale.ROOT) + "(" + (arg < 0 ? fn == Fn.LITERAL ? String.valueOf(literal) : "*" : "$" + arg) + ")";
    }
}
