package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Decl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service as the checker sees it: a service of a module (this one or an imported one), with its
 * operations, state and derived values; or a Java service interface imported with
 * {@code import java}, whose methods are its operations. Compared by identity.
 */
public final class ServiceInfo {
    private final String module;
    private final String name;
    private final Decl.ServiceDecl decl;
    private final Class<?> javaType;
    private final boolean trusted;
    private final Map<String, List<Symbol.Op>> ops = new LinkedHashMap<>();
    private final Map<String, String> unusable = new LinkedHashMap<>();
    private final Map<String, Symbol.State> state = new LinkedHashMap<>();
    private final Map<String, Symbol.DerivedValue> derived = new LinkedHashMap<>();

    private ServiceInfo(String module, String name, Decl.ServiceDecl decl, Class<?> javaType, boolean trusted) {
        this.module = module;
        this.name = name;
        this.decl = decl;
        this.javaType = javaType;
        this.trusted = trusted;
    }

    static ServiceInfo declared(String module, Decl.ServiceDecl decl) {
        return new ServiceInfo(module, decl.name(), decl, null, false);
    }

    static ServiceInfo java(Class<?> type) {
        return new ServiceInfo(null, type.getSimpleName(), null, type, false);
    }

    /** An import of a file checked in isolation: any operation may be called on it, untyped. */
    static ServiceInfo trusted(String name) {
        return new ServiceInfo(null, name, null, null, true);
    }

    /** Whether this is an import taken on trust (see {@link Environment#isolated()}). */
    public boolean trusted() {
        return trusted;
    }

    /** The declaring module; null for a Java interface. */
    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    /** The declaration, null for a Java interface. */
    public Decl.ServiceDecl decl() {
        return decl;
    }

    /** The imported Java interface, or null. */
    public Class<?> javaType() {
        return javaType;
    }

    /** Operations by name; several only for overloaded Java methods. */
    public Map<String, List<Symbol.Op>> ops() {
        return ops;
    }

    /** Java methods that cannot be called from Parseltongue, by name, with the reason. */
    public Map<String, String> unusable() {
        return unusable;
    }

    public Map<String, Symbol.State> state() {
        return state;
    }

    public Map<String, Symbol.DerivedValue> derived() {
        return derived;
    }

    void addOp(Symbol.Op op) {
        ops.computeIfAbsent(op.name(), n -> new ArrayList<>()).add(op);
    }

    /** The only operation called {@code name}, or null. */
    public Symbol.Op op(String name) {
        List<Symbol.Op> found = ops.get(name);
        return found == null || found.size() != 1 ? null : found.getFirst();
    }

    @Override
    public String toString() {
        return javaType != null ? javaType.getName() : module + "." + name;
    }
}
