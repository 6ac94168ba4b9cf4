package io.hallows.dsl.impl.ast;

import java.util.List;

/**
 * A written type: {@code Int}, {@code List<Order>}, {@code Map<String, Int>}, {@code shop.Order}.
 *
 * @param name the (possibly qualified) name as written
 * @param args the type arguments, empty for a plain name
 */
public record TypeRef(Position pos, String name, List<TypeRef> args) implements Node {
    public TypeRef {
        args = List.copyOf(args);
    }
}
