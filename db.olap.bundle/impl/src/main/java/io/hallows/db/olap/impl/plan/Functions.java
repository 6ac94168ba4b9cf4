package io.hallows.db.olap.impl.plan;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;

/** Functions the engine adds to Calcite's: PostgreSQL's {@code date(text)} (Trino's TPC-H texts use it). */
final class Functions {
    static final SqlFunction DATE = new SqlFunction("DATE", SqlKind.OTHER_FUNCTION, ReturnTypes.DATE_NULLABLE, null,
            OperandTypes.STRING, SqlFunctionCategory.TIMEDATE);

    static final SqlOperatorTable TABLE = SqlOperatorTables.of(DATE);

    private Functions() {}
}
