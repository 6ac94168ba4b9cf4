package io.hallows.dsl.impl.ast;

/** {@code sku: order.sku} in a model literal or a {@code raise}. */
public record FieldInit(Position pos, String name, Expr value) implements Node {
}
