package io.hallows.db.oltp.impl.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * Result column names as PostgreSQL gives them to an expression without alias: a function call
 * is named after the function ({@code count(*)} is {@code count}), a cast after its inner
 * expression's name or the type, anything else {@code ?column?}. Calcite says {@code EXPR$0};
 * clients (psql's headers, JDBC's {@code getColumnLabel}) expect PostgreSQL's names.
 */
final class ColumnNames {
    private static final Pattern CALCITE_GENERATED = Pattern.compile("EXPR\\$\\d+");

    private ColumnNames() {
    }

    /** PostgreSQL's name for result column {@code index} of {@code validated}, named {@code calcite} by Calcite. */
    static String of(SqlNode validated, int index, String calcite) {
        if (!CALCITE_GENERATED.matcher(calcite).matches()) {
            return calcite;
        }
        SqlSelect select = validated instanceof SqlSelect s ? s
                : validated instanceof SqlOrderBy o && o.query instanceof SqlSelect s2 ? s2 : null;
        if (select == null || index >= select.getSelectList().size()) {
            return "?column?";
        }
        return name(select.getSelectList().get(index));
    }

    private static String name(SqlNode item) {
        if (item instanceof SqlCall call) {
            if (call.getKind() == SqlKind.AS) {
                return name(call.operand(0));
            }
            if (call.getKind() == SqlKind.CAST) {
                String inner = name(call.operand(0));
                return "?column?".equals(inner) ? typeName(call.operand(1)) : inner;
            }
            if (call.getOperator() instanceof SqlFunction f && "ANY_VALUE".equalsIgnoreCase(f.getName())) {
                return name(call.operand(0)); // the validator's wrapper of a grouped query's constant
            }
            if (call.getOperator() instanceof SqlFunction f) {
                return f.getName().toLowerCase(Locale.ROOT);
            }
        }
        if (item instanceof org.apache.calcite.sql.SqlIdentifier id) {
            List<String> names = id.names;
            return names.get(names.size() - 1);
        }
        return "?column?";
    }

    private static String typeName(SqlNode type) {
        String t = type.toString().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "integer" -> "int4";
            case "bigint" -> "int8";
            case "smallint" -> "int2";
            case "double" -> "float8";
            case "real" -> "float4";
            case "boolean" -> "bool";
            default -> t.replaceAll("\\(.*", "");
        };
    }
}
