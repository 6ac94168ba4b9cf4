package io.hallows.dsl.impl.check;

/**
 * The diagnostic codes of the checker: names ({@code PT0201}–{@code PT0209}, next to the parser's
 * {@code PT0210}–{@code PT0229}), types ({@code PT03xx}), variable kinds, reactivity and the flow
 * of errors ({@code PT04xx}), routes, templates and their built-ins ({@code PT05xx}).
 */
public enum CheckCode {
    /** A name that is not declared where it is used. */
    UNKNOWN_NAME("PT0201"),
    /** A field, method or operation that the receiver does not have. */
    UNKNOWN_MEMBER("PT0202"),
    /** A type or error name that is not declared. */
    UNKNOWN_TYPE("PT0203"),
    /** A name declared twice in the same scope (declarations, members, fields, locals, catches). */
    DUPLICATE("PT0204"),
    /** An import that cannot be resolved: no such module, service or Java interface, or a cycle. */
    UNRESOLVED_IMPORT("PT0205"),
    /** A hint other than {@code @partition} and {@code @key}, or one given twice. */
    UNKNOWN_HINT("PT0206"),
    /** A name used as something it is not: an operation as a value, a service as a type. */
    WRONG_KIND_OF_NAME("PT0207"),
    /** An unqualified type name that two imported modules declare. */
    AMBIGUOUS_NAME("PT0208"),
    /** A module name with a segment Java reserves: it names the module's Java packages. */
    RESERVED_NAME("PT0209"),

    /** A value of one type where another is expected. */
    TYPE_MISMATCH("PT0301"),
    /** An operator applied to types it does not take. */
    BAD_OPERANDS("PT0302"),
    /** The condition of {@code if} or {@code while} is not a Bool. */
    CONDITION_NOT_BOOL("PT0303"),
    /** Too many or too few arguments, or type arguments. */
    WRONG_ARGUMENT_COUNT("PT0304"),
    /** An empty collection, {@code none} or a generic model literal whose type the context does not give. */
    CANNOT_INFER("PT0305"),
    /** A model literal or {@code raise} that leaves fields out. */
    MISSING_FIELDS("PT0306"),
    /** {@code match} on something that is not an Option, {@code for} over something that is not a List or Map. */
    NOT_MATCHABLE("PT0307"),
    /** A Java method whose types Parseltongue cannot use. */
    JAVA_TYPE_NOT_USABLE("PT0308"),
    /** {@code return} with a value where none is returned, or without one where one is. */
    RETURN_VALUE("PT0309"),
    /** An operation with a result type whose body can end without {@code return}. */
    MISSING_RETURN("PT0310"),
    /** A statement after {@code return}, {@code raise} or an endless loop. */
    UNREACHABLE("PT0311"),
    /** A type that is not an error where an error is required ({@code raise}, {@code catch}, {@code raises}). */
    NOT_AN_ERROR("PT0312"),
    /** A type that cannot hold values where one must: an error type or Unit as a field, parameter or variable type. */
    NOT_A_VALUE_TYPE("PT0313"),
    /** {@code a[i]}: not in v1, use {@code get}. */
    NO_INDEXING("PT0314"),
    /** The result of something that returns nothing, used as a value. */
    NO_VALUE("PT0315"),
    /** An expression statement that computes a value and drops it. */
    UNUSED_VALUE("PT0316"),

    /** An assignment to something that cannot be assigned. */
    NOT_ASSIGNABLE("PT0401"),
    /** A derived value that reads what is not tracked, or calls what is not pure. */
    DERIVED_NOT_REACTIVE("PT0402"),
    /** Derived values that depend on each other in a cycle. */
    DERIVED_CYCLE("PT0403"),
    /** {@code on x changed} where x is not a reactive variable or a derived value. */
    NOT_SUBSCRIBABLE("PT0404"),
    /** An error that may be raised and is neither caught nor declared in {@code raises}. */
    UNHANDLED_ERROR("PT0405"),
    /** A copy-on-write update whose right-hand side is not pure (it may run more than once). */
    IMPURE_COW_UPDATE("PT0406"),
    /** A state initializer that is not a constant expression. */
    NON_CONSTANT_INITIAL("PT0407"),
    /** A hint whose argument is not what the hint takes. */
    BAD_HINT("PT0408"),
    /** {@code raise} or {@code raises} of a built-in error (raised by arithmetic only). */
    BUILTIN_ERROR("PT0409"),

    /** A route path that is not a path template: {@code /orders/{id}}. */
    BAD_ROUTE_PATH("PT0501"),
    /** A {@code {name}} segment of a route path that names no parameter of the operation. */
    UNKNOWN_PATH_PARAMETER("PT0502"),
    /** A parameter a route cannot bind from a path, query or JSON body (or a second body). */
    UNBINDABLE_PARAMETER("PT0503"),
    /** Two routes with the same method and path, or two route hints on one operation. */
    DUPLICATE_ROUTE("PT0504"),
    /** {@code @status} that is not a literal from 400 to 599, or on something other than an error. */
    BAD_STATUS("PT0505"),
    /** A route whose result (or a raised error's field) cannot be written as JSON. */
    UNENCODABLE_RESULT("PT0506"),
    /** {@code {value}} in a template of a type that has no text (a model, a list, an Option). */
    BAD_TEMPLATE_VALUE("PT0507"),
    /** {@code sortBy} whose argument is not a literal naming an Int, Float or String field of the elements. */
    BAD_SORT_KEY("PT0508"),
    /** A {@code model … stored in "table"} that cannot be stored: key, field types, table name, markers. */
    BAD_STORED_MODEL("PT0601"),
    /** A method of a stored model that does not exist, or a model that is not stored used as one. */
    NOT_STORED("PT0602"),
    /** A {@code where} condition that cannot be translated to SQL. */
    NOT_TRANSLATABLE("PT0603"),
    /** A raw {@code sql<T>(…)} query whose text, row type or arguments do not fit. */
    BAD_SQL_QUERY("PT0604"),
    /** An {@code @transaction} hint other than {@code @transaction("none")}. */
    BAD_TRANSACTION("PT0605");

    private final String id;

    CheckCode(String id) {
        this.id = id;
    }

    /** The code as printed, e.g. {@code PT0203}. */
    public String id() {
        return id;
    }
}
