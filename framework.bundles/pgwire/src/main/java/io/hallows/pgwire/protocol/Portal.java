package io.hallows.pgwire.protocol;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.Result;
import java.util.List;

/**
 * A bound statement (PostgreSQL's portal): the statement, its parameter values and the formats of
 * its result columns; once executed, its result and how many rows have been sent (an Execute with
 * a row limit leaves the rest for the next one).
 */
final class Portal {
    final Prepared prepared;
    final Object[] parameters;
    final short[] resultFormats;
    Result result;
    int sent;

    /** @param prepared null for an empty query */
    Portal(Prepared prepared, Object[] parameters, short[] resultFormats) {
        this.prepared = prepared;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
    }

    List<Column> columns() {
        return prepared == null ? List.of() : prepared.columns();
    }
}
