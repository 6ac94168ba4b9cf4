package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.check.Type;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The type signature a state cell is stored under ({@link io.hallows.dsl.runtime.StateStore#cell}):
 * the Parseltongue type, {@code Map<String,Int>}, and for a type that mentions models the API hash
 * of each module declaring them ({@code List<shop.Order>@shop:3f2a9c0d1e4b}). An update that changes
 * the type, or any API class the stored values are instances of, changes the signature, and the
 * store resets the cell instead of handing old classes to new code.
 */
final class TypeSignatures {
    private final Map<String, String> apiHashes;

    /** @param apiHashes the API hash of this module and of every module it imports, by module name */
    TypeSignatures(Map<String, String> apiHashes) {
        this.apiHashes = apiHashes;
    }

    String of(Type type) {
        TreeSet<String> modules = new TreeSet<>();
        String base = base(type, modules);
        return base + modules.stream().map(m -> "@" + m + ":" + apiHashes.get(m)).collect(Collectors.joining());
    }

    private static String base(Type t, TreeSet<String> modules) {
        return switch (t) {
            case Type.ListOf l -> "List<" + base(l.element(), modules) + ">";
            case Type.OptionOf o -> "Option<" + base(o.element(), modules) + ">";
            case Type.MapOf m -> "Map<" + base(m.key(), modules) + "," + base(m.value(), modules) + ">";
            case Type.Model m -> {
                modules.add(m.info().module());
                yield m.info().module() + "." + m.info().name() + (m.args().isEmpty() ? ""
                        : m.args().stream().map(a -> base(a, modules)).collect(Collectors.joining(",", "<", ">")));
            }
            default -> t.display();
        };
    }
}
