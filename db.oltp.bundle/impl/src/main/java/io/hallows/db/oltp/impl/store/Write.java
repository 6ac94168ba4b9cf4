package io.hallows.db.oltp.impl.store;

/**
 * One write of a transaction: the version it pushed and the one it pushed over (null for a new
 * row). The undo log, the redo record and serializable validation are built from these.
 */
record Write(TableState table, Version version, Version prior) {
    /** The values before the write, or null when the row did not exist or was deleted. */
    Object[] before() {
        return prior == null ? null : prior.values;
    }

    /** The change in live rows: +1 for an insert, -1 for a delete, 0 for an update. */
    int rowDelta() {
        boolean was = prior != null && prior.values != null;
        boolean is = version.values != null;
        return (is ? 1 : 0) - (was ? 1 : 0);
    }
}
