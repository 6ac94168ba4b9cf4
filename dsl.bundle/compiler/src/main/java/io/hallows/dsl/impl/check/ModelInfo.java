package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A declared {@code model} or {@code reactive_model}, of this module or of an imported one. Its
 * fields are filled in once every type name of the module is known (models may refer to each
 * other). Compared by identity.
 */
public final class ModelInfo {
    private final String module;
    private final String name;
    private final boolean reactive;
    private final List<String> typeParams;
    private final Position pos;
    private final Map<String, Type> fields = new LinkedHashMap<>();
    private StoredModel stored;

    ModelInfo(String module, String name, boolean reactive, List<String> typeParams, Position pos) {
        this.module = module;
        this.name = name;
        this.reactive = reactive;
        this.typeParams = List.copyOf(typeParams);
        this.pos = pos;
    }

    /** The module that declares it. */
    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    /** A {@code reactive_model}: its fields can be assigned. */
    public boolean reactive() {
        return reactive;
    }

    public List<String> typeParams() {
        return typeParams;
    }

    public Position pos() {
        return pos;
    }

    /** Field name to declared type (may mention {@link Type.Param}s), in declaration order. */
    public Map<String, Type> fields() {
        return fields;
    }

    /** Its table and key, for {@code model M stored in "table"}; null for a model that is not stored. */
    public StoredModel stored() {
        return stored;
    }

    void stored(StoredModel stored) {
        this.stored = stored;
    }

    /** {@code declared} with this model's type parameters replaced by {@code args}. */
    Type substitute(Type declared, List<Type> args) {
        if (typeParams.isEmpty()) {
            return declared;
        }
        Map<String, Type> bindings = new HashMap<>();
        for (int i = 0; i < typeParams.size() && i < args.size(); i++) {
            bindings.put(typeParams.get(i), args.get(i));
        }
        return Type.substitute(declared, bindings);
    }

    @Override
    public String toString() {
        return module + "." + name;
    }
}
