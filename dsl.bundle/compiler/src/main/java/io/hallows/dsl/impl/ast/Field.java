package io.hallows.dsl.impl.ast;

/** A field of a model or an error: {@code sku: String}. */
public record Field(Position pos, String name, TypeRef type) implements Node {
}
