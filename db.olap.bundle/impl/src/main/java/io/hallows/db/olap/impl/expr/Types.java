package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.SqlException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** Calcite's SQL types to the engine's physical types. */
public final class Types {
    private Types() {}

    public static Type of(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> Type.INT;
            case BIGINT -> Type.BIGINT;
            case DECIMAL -> Type.decimal(Math.min(t.getPrecision(), 18), t.getScale());
            case FLOAT, REAL, DOUBLE -> Type.DOUBLE;
            case CHAR, VARCHAR -> Type.VARCHAR;
            case DATE -> Type.DATE;
            case BOOLEAN -> Type.BOOLEAN;
            case NULL -> Type.INT;
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR,
                    INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_MINUTE,
                    INTERVAL_SECOND, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE_SECOND -> Type.BIGINT;
            default -> throw new SqlException("0A000", "type " + t.getFullTypeString() + " is not supported by the OLAP engine");
        };
    }

    /**
     * The common type of the branches of CASE or COALESCE: DOUBLE if any is DOUBLE, otherwise
     * the widest DECIMAL scale among exact numbers, otherwise the first non-null type.
     */
    public static Type unify(List<Type> types, Type fallback) {
        boolean anyDouble = false;
        boolean anyDecimal = false;
        boolean allNumeric = true;
        boolean anyBigint = false;
        int scale = 0;
        for (Type t : types) {
            anyDouble |= t.kind() == ColumnKind.DOUBLE;
            anyDecimal |= t.kind() == ColumnKind.DECIMAL;
            anyBigint |= t.kind() == ColumnKind.BIGINT;
            allNumeric &= t.isNumeric();
            scale = Math.max(scale, Num.scale(t));
        }
        if (!allNumeric) {
            return fallback;
        }
        if (anyDouble) {
            return Type.DOUBLE;
        }
        if (anyDecimal) {
            return Type.decimal(18, scale);
        }
        return anyBigint ? Type.BIGINT : Type.INT;
    }
}
