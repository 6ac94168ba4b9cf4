package io.hallows.sql.api;

/** A session's transaction status, as PostgreSQL's ReadyForQuery message reports it. */
public enum TransactionStatus {
    /** Not in a transaction block ({@code 'I'}). */
    IDLE('I'),
    /** In a transaction block ({@code 'T'}). */
    IN_TRANSACTION('T'),
    /** In a failed transaction block: statements are refused until ROLLBACK ({@code 'E'}). */
    FAILED('E');

    private final char indicator;

    TransactionStatus(char indicator) {
        this.indicator = indicator;
    }

    /** The byte PostgreSQL's ReadyForQuery carries for this status. */
    public char indicator() {
        return indicator;
    }
}
