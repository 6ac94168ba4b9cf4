package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlType;

/**
 * A table column.
 *
 * @param name lower-case name (quoted identifiers keep their case)
 * @param type its type; values are of {@link SqlType#javaClass()}
 * @param length {@code n} of {@code varchar(n)} / {@code char(n)}, precision of {@code numeric(p,s)}, else -1
 * @param scale scale of {@code numeric(p,s)}, else -1
 * @param notNull true for NOT NULL (primary-key columns are NOT NULL)
 */
public record ColumnDef(String name, SqlType type, int length, int scale, boolean notNull) {
}
