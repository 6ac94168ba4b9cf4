package io.hallows.basilisk.api;

/**
 * A request value that does not fit its parameter: answered {@code 400} with a problem document
 * whose {@code field} names where ({@code id}, {@code body.items[2].qty}) and {@code detail} what.
 */
public final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field where: a parameter name or a path into the body ({@code body.items[2].qty})
     * @param detail what is wrong, for a person: {@code expected an integer, got "abc"}
     */
    public BadRequest(String field, String detail) {
        super(field + ": " + detail, null, false, false);
        this.field = field;
    }

    /** Where the bad value is. */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String detail() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }
}
