package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.Position;
import java.util.List;

/** What a name in the tree was resolved to; the checker records one per name, call and literal. */
public sealed interface Symbol {
    /** How a local name was introduced. */
    enum LocalKind {
        PARAM, LET, VAR, LOOP, BINDING, CATCH;

        /** Only {@code var} locals can be assigned. */
        public boolean mutable() {
            return this == VAR;
        }
    }

    /** A parameter, a {@code let}/{@code var}, a loop variable, a {@code some(x)} binding or a caught error. */
    record Local(String name, Type type, LocalKind kind, Position pos) implements Symbol {
    }

    /** A state variable of a service of this module. */
    record State(ServiceInfo service, String name, Member.VarKind kind, Type type, Member.StateVar decl) implements Symbol {
    }

    /** A derived value of a service of this module. */
    record DerivedValue(ServiceInfo service, String name, Type type, Member.Derived decl) implements Symbol {
    }

    /**
     * An operation: of a service of this module ({@code decl} set), of an imported module's service
     * ({@code decl} null), or a method of an imported Java interface ({@code method} set).
     *
     * @param result {@link Type#UNIT} when it returns nothing
     * @param raises the errors it declares
     */
    record Op(ServiceInfo service, String name, List<Local> params, Type result, List<ErrorInfo> raises,
            Member.Operation decl, java.lang.reflect.Method method) implements Symbol {
        public Op {
            params = List.copyOf(params);
            raises = List.copyOf(raises);
        }
    }

    /** A service name: a service of this module, an imported module's service or a Java interface. */
    record Service(ServiceInfo info) implements Symbol {
    }

    /** A built-in function: {@code str}, {@code int}, {@code float}, {@code len}, {@code log}. */
    record Function(Builtins.Function function) implements Symbol {
    }

    /** A built-in method of a List, Map, Option or String. */
    record Method(Builtins.Method method) implements Symbol {
    }

    /**
     * A query of a stored model ({@code Product.find(id)}, {@code where}, {@code insert}…) or a raw
     * {@code sql<T>(…)} query ({@code method} "sql", {@code model} null for a scalar T).
     */
    record Stored(StoredModel model, String method, Type rows) implements Symbol {
    }

    /** Inside {@code M.where(…)}, a field of M: the column it maps to. */
    record Column(StoredModel model, String field, Type type) implements Symbol {
    }

    /** An error type named by {@code raise}, {@code catch} or {@code raises}. */
    record ErrorType(ErrorInfo info) implements Symbol {
    }
}
