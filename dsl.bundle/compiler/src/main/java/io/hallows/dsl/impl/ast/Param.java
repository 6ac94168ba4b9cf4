package io.hallows.dsl.impl.ast;

/** A parameter of an operation: {@code order: Order}. */
public record Param(Position pos, String name, TypeRef type) implements Node {
}
