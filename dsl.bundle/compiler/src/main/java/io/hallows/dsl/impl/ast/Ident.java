package io.hallows.dsl.impl.ast;

/**
 * A name that refers to something declared elsewhere (an error type in {@code raises}, a module in
 * an import, the variable of a subscription), kept with its own position so that an "unknown
 * name" can point at it. Qualified names keep their dots: {@code shop.orders}.
 */
public record Ident(Position pos, String text) implements Node {
}
