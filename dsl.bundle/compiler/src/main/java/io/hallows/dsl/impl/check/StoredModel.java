package io.hallows.dsl.impl.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model stored in an OLTP table: each field a column of the field's name in lower case (as
 * PostgreSQL folds an unquoted name), the field {@code id} its primary key.
 *
 * @param dropped the columns of fields marked {@code @dropped}, which the deploy drops
 */
public record StoredModel(ModelInfo info, String table, List<String> dropped) {
    /** The key field. */
    public static final String KEY = "id";

    public StoredModel {
        dropped = List.copyOf(dropped);
    }

    /** Field name to type, in declaration order. */
    public Map<String, Type> fields() {
        return info.fields();
    }

    /** The key field's type; UNKNOWN when the model has none (reported). */
    public Type keyType() {
        return info.fields().getOrDefault(KEY, Type.UNKNOWN);
    }

    /** The column a field maps to. */
    public static String column(String field) {
        return field.toLowerCase(Locale.ROOT);
    }

    /** The SQL type name ({@link io.hallows.sql.api.SqlType}) of a field of type {@code t}, or null when none maps. */
    public static String sqlType(Type t) {
        Type scalar = t instanceof Type.OptionOf o ? o.element() : t;
        if (scalar == Type.INT) {
            return "INT8";
        } else if (scalar == Type.FLOAT) {
            return "FLOAT8";
        } else if (scalar == Type.BOOL) {
            return "BOOL";
        } else if (scalar == Type.STRING) {
            return "TEXT";
        }
        return null;
    }
}
