package io.hallows.dsl.impl.ast;

/** {@code "apple": 120} in a map literal; positioned at the key. */
public record MapEntry(Position pos, Expr key, Expr value) implements Node {
}
