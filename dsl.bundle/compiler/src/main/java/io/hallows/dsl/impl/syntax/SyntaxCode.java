package io.hallows.dsl.impl.syntax;

/**
 * The diagnostic codes of the lexer ({@code PT01xx}) and the parser ({@code PT0210}–{@code PT0229}).
 * {@code PT0201}–{@code PT0209} are left to the name checks of the next stage.
 */
public enum SyntaxCode {
    /** A string literal runs into the end of its line or of the file. */
    UNTERMINATED_STRING("PT0101"),
    /** A number literal does not fit: an Int beyond 64 bits, a Float beyond a double. */
    NUMBER_OUT_OF_RANGE("PT0102"),
    /** Characters that start no token, reported once per run. */
    UNEXPECTED_CHARACTER("PT0103"),
    /** A backslash escape that is not one of n, t, r, a quote, a backslash or u{hex}. */
    INVALID_ESCAPE("PT0104"),
    /** A {@code /*} comment without its closing {@code *}{@code /}. */
    UNTERMINATED_COMMENT("PT0105"),
    /** A number with an exponent but no digits, or letters glued to it ({@code 12abc}, {@code 1e5}). */
    MALFORMED_NUMBER("PT0106"),
    /** Bytes that are not UTF-8. */
    INVALID_UTF8("PT0107"),
    /** Not a problem of its own: how many diagnostics of the file were left out. */
    MORE_DIAGNOSTICS("PT0199"),

    /** A specific token (punctuation, keyword or name) is missing: {@code expected ';' ..., found ...}. */
    EXPECTED_TOKEN("PT0210"),
    /** An expression is missing. */
    EXPECTED_EXPRESSION("PT0211"),
    /** A statement cannot start with this token. */
    EXPECTED_STATEMENT("PT0212"),
    /** At the top level, only {@code import}, {@code model}, {@code reactive_model}, {@code error}, {@code service}. */
    EXPECTED_DECLARATION("PT0213"),
    /** In a service, only state, {@code derived}, {@code on}, operations and their hints. */
    EXPECTED_MEMBER("PT0214"),
    /** The left side of {@code =} is not a variable or a field. */
    INVALID_ASSIGNMENT_TARGET("PT0215"),
    /** {@code a < b < c}: comparisons do not chain. */
    CHAINED_COMPARISON("PT0216"),
    /** A model literal as the condition of {@code if}/{@code while}/{@code for}/{@code match} needs parentheses. */
    MODEL_LITERAL_IN_CONDITION("PT0217"),
    /** A hint ({@code @partition(...)}) not followed by an operation. */
    MISPLACED_HINT("PT0218"),
    /** An {@code import} after the first declaration. */
    IMPORT_AFTER_DECLARATION("PT0219"),
    /** Expressions, statements or types nested deeper than the parser allows. */
    NESTING_TOO_DEEP("PT0220"),
    /** A module version that is not {@code major.minor.micro}. */
    BAD_VERSION("PT0221");

    private final String id;

    SyntaxCode(String id) {
        this.id = id;
    }

    /** The code as printed, e.g. {@code PT0210}. */
    public String id() {
        return id;
    }
}
