package io.hallows.db.olap.impl.table;

/**
 * Statistics of one column in one chunk, for skipping chunks a filter cannot match.
 *
 * @param min the smallest non-null value: a {@code Long} for INT, BIGINT, DATE (days) and DECIMAL
 *     (unscaled), a {@code Double} for DOUBLE, a {@code String} for VARCHAR, a {@code Boolean};
 *     null when every value is null
 * @param max the largest non-null value, as {@code min}
 * @param nulls how many values are null
 */
public record ColumnStats(Object min, Object max, long nulls) {}
