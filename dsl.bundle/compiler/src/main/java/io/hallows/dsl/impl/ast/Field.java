package io.hallows.dsl.impl.ast;

/**
 * A field of a model or an error: {@code sku: String}. {@code dropped}: a field of a stored model
 * marked {@code @dropped}, kept only so that the deploy drops its column on purpose.
 */
public record Field(Position pos, String name, TypeRef type, boolean dropped) implements Node {
    public Field(Position pos, String name, TypeRef type) {
        this(pos, name, type, false);
    }
}
