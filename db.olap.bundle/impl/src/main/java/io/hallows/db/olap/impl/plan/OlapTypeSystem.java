package io.hallows.db.olap.impl.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * DECIMALs are scaled longs, so their precision stops at 18; AVG is DOUBLE (as in DuckDB, and
 * as the engine computes it), so expressions over an average are typed as what they compute.
 */
final class OlapTypeSystem extends RelDataTypeSystemImpl {
    static final OlapTypeSystem INSTANCE = new OlapTypeSystem();

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 18 : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 18 : super.getMaxScale(typeName);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argument) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argument.isNullable());
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argument) {
        RelDataType t = switch (argument.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, 18, argument.getScale());
            default -> argument;
        };
        return f.createTypeWithNullability(t, argument.isNullable());
    }
}
