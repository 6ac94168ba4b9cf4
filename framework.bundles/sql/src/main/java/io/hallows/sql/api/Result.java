package io.hallows.sql.api;

import java.util.List;

/**
 * What one statement did.
 *
 * @param commandTag PostgreSQL's command tag: {@code SELECT 3}, {@code INSERT 0 1},
 *     {@code UPDATE 5}, {@code DELETE 0}, {@code BEGIN}, {@code COMMIT}, {@code CREATE TABLE}…
 * @param columns the row columns, empty for a statement that returns no rows
 * @param rows the rows (each an array of {@code columns.size()} values), empty when none
 * @param copyIn for {@code COPY … FROM STDIN}, the sink that takes the data; otherwise null
 * @param notices notices for the client (PostgreSQL's NoticeResponse), usually empty
 */
public record Result(String commandTag, List<Column> columns, List<Object[]> rows, CopyIn copyIn, List<String> notices) {
    public Result {
        columns = List.copyOf(columns);
        rows = rows == null ? List.of() : rows;
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** A statement that returns no rows. */
    public static Result command(String commandTag) {
        return new Result(commandTag, List.of(), List.of(), null, List.of());
    }

    /** A query's rows: the tag is {@code SELECT n}. */
    public static Result rows(List<Column> columns, List<Object[]> rows) {
        return new Result("SELECT " + rows.size(), columns, rows, null, List.of());
    }

    /** True when the statement returns rows (a RowDescription is due, even for zero rows). */
    public boolean returnsRows() {
        return !columns.isEmpty();
    }
}
