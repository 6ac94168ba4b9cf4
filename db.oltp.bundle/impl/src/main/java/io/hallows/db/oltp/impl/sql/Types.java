package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Mapping between the store's PostgreSQL types and Calcite's types. */
final class Types {
    /** PostgreSQL's numeric reaches 1000 digits; Calcite's default stops at 19. */
    static final RelDataTypeSystem SYSTEM = new RelDataTypeSystemImpl() {
        @Override
        public int getMaxPrecision(SqlTypeName typeName) {
            return typeName == SqlTypeName.DECIMAL ? 1000 : super.getMaxPrecision(typeName);
        }

        @Override
        public int getMaxScale(SqlTypeName typeName) {
            return typeName == SqlTypeName.DECIMAL ? 1000 : super.getMaxScale(typeName);
        }

        /** PostgreSQL: sum(int2/int4) is int8, sum(int8) is numeric. */
        @Override
        public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argument) {
            RelDataType t = switch (argument.getSqlTypeName()) {
                case TINYINT, SMALLINT, INTEGER -> f.createSqlType(SqlTypeName.BIGINT);
                case BIGINT -> f.createSqlType(SqlTypeName.DECIMAL, 1000, 0);
                default -> super.deriveSumType(f, argument);
            };
            return f.createTypeWithNullability(t, argument.isNullable());
        }

        /** PostgreSQL: avg of an integer or numeric is numeric. */
        @Override
        public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argument) {
            RelDataType t = switch (argument.getSqlTypeName()) {
                case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, 1000, 16);
                default -> super.deriveAvgAggType(f, argument);
            };
            return f.createTypeWithNullability(t, argument.isNullable());
        }

        @Override
        public int getDefaultPrecision(SqlTypeName typeName) {
            return typeName == SqlTypeName.DECIMAL ? 1000 : super.getDefaultPrecision(typeName);
        }
    };

    private Types() {
    }

    /** The Calcite type of a store column. */
    static RelDataType calcite(RelDataTypeFactory f, ColumnDef c) {
        RelDataType t = calcite(f, c.type(), c.length(), c.scale());
        return f.createTypeWithNullability(t, !c.notNull());
    }

    static RelDataType calcite(RelDataTypeFactory f, SqlType type, int length, int scale) {
        return switch (type) {
            case BOOL -> f.createSqlType(SqlTypeName.BOOLEAN);
            case INT2 -> f.createSqlType(SqlTypeName.SMALLINT);
            case INT4 -> f.createSqlType(SqlTypeName.INTEGER);
            case INT8, OID -> f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT4 -> f.createSqlType(SqlTypeName.REAL);
            case FLOAT8 -> f.createSqlType(SqlTypeName.DOUBLE);
            case NUMERIC -> length > 0
                    ? f.createSqlType(SqlTypeName.DECIMAL, length, Math.max(scale, 0))
                    : f.createSqlType(SqlTypeName.DECIMAL, 1000, 500);
            case VARCHAR -> length > 0 ? f.createSqlType(SqlTypeName.VARCHAR, length) : f.createSqlType(SqlTypeName.VARCHAR);
            case BPCHAR -> f.createSqlType(SqlTypeName.CHAR, length > 0 ? length : 1);
            case TEXT, NAME, UNKNOWN -> f.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> f.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case TIMESTAMPTZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
            case BYTEA -> f.createSqlType(SqlTypeName.VARBINARY);
        };
    }

    /** The API type of a Calcite type. */
    static SqlType api(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> SqlType.BOOL;
            case TINYINT, SMALLINT -> SqlType.INT2;
            case INTEGER -> SqlType.INT4;
            case BIGINT -> SqlType.INT8;
            case REAL -> SqlType.FLOAT4;
            case FLOAT, DOUBLE -> SqlType.FLOAT8;
            case DECIMAL -> SqlType.NUMERIC;
            case CHAR -> SqlType.BPCHAR;
            case VARCHAR -> t.getPrecision() > 0 && t.getPrecision() < Integer.MAX_VALUE / 2 ? SqlType.VARCHAR : SqlType.TEXT;
            case DATE -> SqlType.DATE;
            case TIMESTAMP -> SqlType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> SqlType.TIMESTAMPTZ;
            case BINARY, VARBINARY -> SqlType.BYTEA;
            case NULL -> SqlType.TEXT;
            default -> throw new SqlException("0A000", "type " + t.getSqlTypeName() + " is not supported in results");
        };
    }

    /** PostgreSQL's type modifier for a Calcite type (see {@link Column}). */
    static int typeModifier(RelDataType t) {
        return switch (api(t)) {
            case VARCHAR, BPCHAR -> t.getPrecision() + 4;
            case NUMERIC -> t.getPrecision() >= 1000 ? -1 : ((t.getPrecision() << 16) | t.getScale()) + 4;
            default -> -1;
        };
    }

    static Column column(String name, RelDataType t) {
        return new Column(name, api(t), typeModifier(t));
    }

    /**
     * A column definition from a PostgreSQL type name as DDL writes it ({@code int4}, {@code
     * varchar}, {@code character varying}, {@code numeric}…), with its modifiers.
     */
    static ColumnDef columnDef(String name, String typeName, int length, int scale, boolean notNull) {
        SqlType type = switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int", "integer", "int4", "serial" -> SqlType.INT4;
            case "bigint", "int8", "bigserial" -> SqlType.INT8;
            case "smallint", "int2" -> SqlType.INT2;
            case "numeric", "decimal" -> SqlType.NUMERIC;
            case "float8", "double precision", "float" -> SqlType.FLOAT8;
            case "real", "float4" -> SqlType.FLOAT4;
            case "bool", "boolean" -> SqlType.BOOL;
            case "text" -> SqlType.TEXT;
            case "varchar", "character varying" -> SqlType.VARCHAR;
            case "char", "character", "bpchar" -> SqlType.BPCHAR;
            case "timestamp", "timestamp without time zone" -> SqlType.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> SqlType.TIMESTAMPTZ;
            case "date" -> SqlType.DATE;
            case "bytea" -> SqlType.BYTEA;
            default -> throw new SqlException("42704", "type \"" + typeName + "\" does not exist");
        };
        if (type == SqlType.BPCHAR && length < 0) {
            length = 1;
        }
        if (type == SqlType.VARCHAR && length < 0) {
            type = SqlType.TEXT;
        }
        return new ColumnDef(name, type, length, scale, notNull);
    }
}
