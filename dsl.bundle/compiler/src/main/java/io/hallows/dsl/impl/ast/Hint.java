package io.hallows.dsl.impl.ast;

/**
 * A hint on an operation ({@code @partition("web")}, {@code @key(order.sku)}, {@code @get("/orders/{id}")})
 * or on an error declaration ({@code @status(404)}). The parser accepts any name; which hints exist
 * and what their expressions may be is the checker's business.
 */
public record Hint(Position pos, String name, Expr value) implements Node {
}
