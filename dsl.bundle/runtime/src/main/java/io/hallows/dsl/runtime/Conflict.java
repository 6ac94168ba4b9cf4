package io.hallows.dsl.runtime;

/**
 * Built-in error: {@code M.insert(m)} of a stored model whose key is already in its table. Like
 * the other built-in errors it is unchecked in Parseltongue: {@code catch Conflict e} handles it.
 */
public final class Conflict extends PtError {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }
}
