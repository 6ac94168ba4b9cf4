package io.hallows.db.olap.impl.tpch;

import java.util.List;

/**
 * A query's answer in a form both engines can be compared in: the column names and the rows, each
 * value normalised to {@code null}, {@link Long} (every integer type), {@link java.math.BigDecimal}
 * (DECIMAL), {@link Double} (floating point), {@link String}, {@link java.time.LocalDate} or
 * {@link Boolean}.
 */
record Answer(List<String> columns, List<List<Object>> rows) {
    Answer {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
