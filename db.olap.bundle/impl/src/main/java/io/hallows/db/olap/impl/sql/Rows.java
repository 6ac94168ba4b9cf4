package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Result batches as rows of the SQL API's Java values, for the PostgreSQL wire server and the shell:
 * INT → {@code Integer} (int4), BIGINT → {@code Long} (int8), DOUBLE → {@code Double} (float8),
 * DECIMAL(p,s) → {@code BigDecimal} (numeric(p,s)), VARCHAR → {@code String} (varchar, or text
 * without a length), DATE → {@code LocalDate}, BOOLEAN → {@code Boolean}.
 */
final class Rows {
    private Rows() {}

    static List<Column> columns(List<ColumnDef> defs) {
        List<Column> out = new ArrayList<>(defs.size());
        for (ColumnDef d : defs) {
            out.add(switch (d.kind()) {
                case INT -> Column.of(d.name(), SqlType.INT4);
                case BIGINT -> Column.of(d.name(), SqlType.INT8);
                case DOUBLE -> Column.of(d.name(), SqlType.FLOAT8);
                case DECIMAL -> new Column(d.name(), SqlType.NUMERIC, ((d.precision() << 16) | d.scale()) + 4);
                case VARCHAR -> d.precision() > 0 ? new Column(d.name(), SqlType.VARCHAR, d.precision() + 4) : Column.of(d.name(), SqlType.TEXT);
                case DATE -> Column.of(d.name(), SqlType.DATE);
                case BOOLEAN -> Column.of(d.name(), SqlType.BOOL);
            });
        }
        return out;
    }

    /** Appends the rows of {@code batch} to {@code rows}. */
    static void append(VectorSchemaRoot batch, List<ColumnDef> defs, List<Object[]> rows) {
        int n = batch.getRowCount();
        int width = defs.size();
        Object[][] out = new Object[n][width];
        for (int c = 0; c < width; c++) {
            FieldVector v = batch.getVector(c);
            ColumnDef d = defs.get(c);
            for (int r = 0; r < n; r++) {
                out[r][c] = v.isNull(r) ? null : value(v, d, r);
            }
        }
        for (Object[] row : out) {
            rows.add(row);
        }
    }

    private static Object value(FieldVector v, ColumnDef d, int r) {
        return switch (d.kind()) {
            case INT -> ((IntVector) v).get(r);
            case BIGINT -> ((BigIntVector) v).get(r);
            case DOUBLE -> ((Float8Vector) v).get(r);
            case DECIMAL -> BigDecimal.valueOf(((BigIntVector) v).get(r), d.scale());
            case VARCHAR -> new String(((VarCharVector) v).get(r), StandardCharsets.UTF_8);
            case DATE -> LocalDate.ofEpochDay(((DateDayVector) v).get(r));
            case BOOLEAN -> ((BitVector) v).get(r) == 1;
        };
    }
}
