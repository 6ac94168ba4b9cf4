package io.hallows.db.oltp.impl.sql;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * PostgreSQL functions Calcite's tables lack: {@code version()}, {@code current_database()},
 * {@code generate_series(a, b)}, and the catalog helpers clients call ({@code pg_table_is_visible},
 * {@code pg_get_userbyid}, {@code format_type}, {@code obj_description}).
 */
final class SqlFunctions {
    private SqlFunctions() {
    }

    /** {@code generate_series(from, to)} as a table function of one column named after it. */
    static final class GenerateSeries extends SqlFunction implements SqlTableFunction {
        GenerateSeries() {
            super("generate_series", SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
                    OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
                    SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        }

        @Override
        public SqlReturnTypeInference getRowTypeInference() {
            return binding -> {
                RelDataTypeFactory f = binding.getTypeFactory();
                boolean big = binding.getOperandType(0).getSqlTypeName() == SqlTypeName.BIGINT
                        || binding.getOperandType(1).getSqlTypeName() == SqlTypeName.BIGINT;
                RelDataType t = f.createSqlType(big ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
                return f.builder().add("generate_series", t).build();
            };
        }
    }

    private static SqlFunction text(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR, null, OperandTypes.NILADIC,
                SqlFunctionCategory.SYSTEM);
    }

    static SqlOperatorTable table() {
        List<SqlOperator> ops = List.of(
                new GenerateSeries(),
                text("version"), text("current_database"), text("current_schema"),
                new SqlFunction("now", SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE),
                        null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM),
                new SqlFunction("pg_table_is_visible", SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN, null,
                        OperandTypes.NUMERIC, SqlFunctionCategory.SYSTEM),
                new SqlFunction("pg_get_userbyid", SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR, null,
                        OperandTypes.NUMERIC, SqlFunctionCategory.SYSTEM),
                new SqlFunction("format_type", SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR, null,
                        OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC), SqlFunctionCategory.SYSTEM),
                new SqlFunction("obj_description", SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR_NULLABLE, null,
                        OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.CHARACTER)),
                        SqlFunctionCategory.SYSTEM),
                new SqlFunction("pg_backend_pid", SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER, null, OperandTypes.NILADIC,
                        SqlFunctionCategory.SYSTEM));
        return SqlOperatorTables.of(ops);
    }
}
