package io.hallows.dsl.runtime;

/**
 * The base of every Parseltongue error: the classes generated for {@code error} declarations and
 * the built-in {@link Overflow} and {@link DivisionByZero}. Unchecked for Java, so that generated
 * interfaces stay plain; the Parseltongue checker enforces that every error an operation may raise
 * is caught or declared in its {@code raises}.
 *
 * <p>Errors are expected outcomes, not bugs: they carry no stack trace (cheap to raise) and are not
 * suppressible. The message describes the error and its fields, for logs.
 */
public abstract class PtError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the error and its fields, e.g. {@code UnknownSku { sku: "kiwi" }} */
    protected PtError(String message) {
        super(message, null, false, false);
    }
}
