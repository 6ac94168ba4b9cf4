package io.hallows.db.olap.impl.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of a list of columns. DECIMAL is a 64-bit integer field carrying its precision
 * and scale in the field's metadata ({@value #DECIMAL_KEY} = {@code "p,s"}), so IPC files keep it;
 * a VARCHAR(n) its length ({@value #VARCHAR_KEY} = {@code "n"}).
 */
public final class Schemas {
    /** Field metadata key of a DECIMAL column's {@code precision,scale}. */
    public static final String DECIMAL_KEY = "hallows.decimal";
    /** Field metadata key of a VARCHAR column's length limit, when it has one. */
    public static final String VARCHAR_KEY = "hallows.varchar";

    private Schemas() {}

    public static Schema of(List<ColumnDef> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (ColumnDef c : columns) {
            fields.add(field(c));
        }
        return new Schema(fields);
    }

    public static Field field(ColumnDef c) {
        Map<String, String> meta = c.kind() == ColumnKind.DECIMAL ? Map.of(DECIMAL_KEY, c.precision() + "," + c.scale())
                : c.kind() == ColumnKind.VARCHAR && c.precision() > 0 ? Map.of(VARCHAR_KEY, Integer.toString(c.precision())) : null;
        return new Field(c.name(), new FieldType(c.nullable(), arrowType(c.kind()), null, meta), null);
    }

    static ArrowType arrowType(ColumnKind kind) {
        return switch (kind) {
            case INT -> new ArrowType.Int(32, true);
            case BIGINT, DECIMAL -> new ArrowType.Int(64, true);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case VARCHAR -> ArrowType.Utf8.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
        };
    }

    /** The column a field of {@link #of} describes (for tables read back from IPC files). */
    public static ColumnDef column(Field f) {
        ArrowType t = f.getType();
        String decimal = f.getMetadata() == null ? null : f.getMetadata().get(DECIMAL_KEY);
        if (decimal != null) {
            String[] ps = decimal.split(",");
            return new ColumnDef(f.getName(), ColumnKind.DECIMAL, Integer.parseInt(ps[0]), Integer.parseInt(ps[1]), f.isNullable());
        }
        ColumnKind kind;
        if (t instanceof ArrowType.Int i) {
            kind = i.getBitWidth() == 64 ? ColumnKind.BIGINT : ColumnKind.INT;
        } else if (t instanceof ArrowType.FloatingPoint) {
            kind = ColumnKind.DOUBLE;
        } else if (t instanceof ArrowType.Utf8) {
            kind = ColumnKind.VARCHAR;
        } else if (t instanceof ArrowType.Date) {
            kind = ColumnKind.DATE;
        } else if (t instanceof ArrowType.Bool) {
            kind = ColumnKind.BOOLEAN;
        } else {
            throw new IllegalArgumentException("column " + f.getName() + ": unsupported Arrow type " + t);
        }
        String length = f.getMetadata() == null ? null : f.getMetadata().get(VARCHAR_KEY);
        int precision = kind == ColumnKind.VARCHAR && length != null ? Integer.parseInt(length) : 0;
        return new ColumnDef(f.getName(), kind, precision, 0, f.isNullable());
    }
}
