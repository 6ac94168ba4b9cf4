package io.hallows.db.oltp.impl.store;

/**
 * One visible version of a row, as a read found it. Its values must not be modified; an update
 * passes the row back to {@link Txn#update} so that the store can find its newest version.
 */
public interface Row {
    /** The column values, in the table's column order; shared: never modify the array. */
    Object[] values();
}
