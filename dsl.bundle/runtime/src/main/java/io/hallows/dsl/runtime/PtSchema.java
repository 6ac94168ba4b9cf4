package io.hallows.dsl.runtime;

import java.util.List;

/**
 * What a module's stored models and raw queries expect of the OLTP database, as the generated
 * code states it: checked and migrated when a revision starts ({@link PtDb#of}).
 */
public final class PtSchema {
    private PtSchema() {
    }

    /**
     * A column a model field maps to.
     *
     * @param type     the SQL type's name in {@link io.hallows.sql.api.SqlType} ({@code INT8},
     *                 {@code FLOAT8}, {@code BOOL}, {@code TEXT})
     * @param nullable an {@code Option} field
     */
    public record Column(String name, String type, boolean nullable) {
    }

    /**
     * The table of {@code model stored in "table"}.
     *
     * @param key     the key column ({@code id})
     * @param columns the fields, in declaration order
     * @param dropped the fields marked {@code @dropped}: their columns are dropped if still there
     */
    public record Table(String model, String table, String key, List<Column> columns, List<String> dropped) {
        public Table {
            columns = List.copyOf(columns);
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * A raw {@code sql<T>("…")} query: the columns it must return, by name (T's fields, or one
     * column of any name for a scalar T).
     *
     * @param where where the query is in the source ({@code shop.pt:12:5}), for messages
     * @param scalar T is a scalar: one column, whatever its name
     */
    public record Query(String sql, List<Column> columns, boolean scalar, String where) {
        public Query {
            columns = List.copyOf(columns);
        }
    }
}
