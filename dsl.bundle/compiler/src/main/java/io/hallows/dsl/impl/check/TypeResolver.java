package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.Position;
import io.hallows.dsl.impl.ast.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Written types and error names to what they denote. A name is looked up among the built-in
 * types, the model's type parameters, this module's models and errors, then those of the imported
 * modules (unqualified when only one declares it, else qualified: {@code shop.Order}).
 */
final class TypeResolver {
    static final List<String> BUILTIN_TYPES = List.of("Int", "Float", "Bool", "String", "Unit", "List", "Map", "Option", "Html");

    /** Where an error name is used: built-in errors can only be caught. */
    enum ErrorUse {
        RAISE, RAISES, CATCH
    }

    private final ModuleSymbols module;
    private final Facts facts;
    private final boolean trusting;

    /** @param trusting unknown names are not reported: the file is checked alone and has imports */
    TypeResolver(ModuleSymbols module, Facts facts, boolean trusting) {
        this.module = module;
        this.facts = facts;
        this.trusting = trusting;
    }

    /** The type {@code ref} denotes for a value (a field, parameter, variable); UNKNOWN after an error. */
    Type value(TypeRef ref, List<String> typeParams) {
        Type t = resolve(ref, typeParams);
        if (t == Type.UNIT) {
            facts.error(ref.pos(), CheckCode.NOT_A_VALUE_TYPE, "Unit is not a type of values; it is only an operation's result");
            return Type.UNKNOWN;
        }
        return t;
    }

    /** An operation's result type: a value type or Unit. */
    Type result(TypeRef ref) {
        return ref == null ? Type.UNIT : resolve(ref, List.of());
    }

    private Type resolve(TypeRef ref, List<String> typeParams) {
        String name = ref.name();
        int arity = switch (name) {
            case "List", "Option" -> 1;
            case "Map" -> 2;
            default -> -1;
        };
        if (arity >= 0) {
            if (ref.args().size() != arity) {
                facts.error(ref.pos(), CheckCode.WRONG_ARGUMENT_COUNT,
                        name + " takes " + arity + " type argument" + (arity == 1 ? "" : "s") + ", found " + ref.args().size());
                return Type.UNKNOWN;
            }
            List<Type> args = ref.args().stream().map(a -> value(a, typeParams)).toList();
            return switch (name) {
                case "List" -> new Type.ListOf(args.getFirst());
                case "Option" -> new Type.OptionOf(args.getFirst());
                default -> new Type.MapOf(args.get(0), args.get(1));
            };
        }
        Type simple = switch (name) {
            case "Int" -> Type.INT;
            case "Float" -> Type.FLOAT;
            case "Bool" -> Type.BOOL;
            case "String" -> Type.STRING;
            case "Unit" -> Type.UNIT;
            case "Html" -> Type.HTML;
            default -> typeParams.contains(name) ? new Type.Param(name) : null;
        };
        if (simple != null) {
            return noArgs(ref, simple);
        }
        ModelInfo model = model(name, ref.pos());
        if (model == null) {
            return Type.UNKNOWN;
        }
        if (ref.args().size() != model.typeParams().size()) {
            facts.error(ref.pos(), CheckCode.WRONG_ARGUMENT_COUNT, "model '" + model.name() + "' takes "
                    + model.typeParams().size() + " type argument(s), found " + ref.args().size());
            return Type.UNKNOWN;
        }
        return new Type.Model(model, ref.args().stream().map(a -> value(a, typeParams)).toList());
    }

    private Type noArgs(TypeRef ref, Type type) {
        if (!ref.args().isEmpty()) {
            facts.error(ref.pos(), CheckCode.WRONG_ARGUMENT_COUNT, ref.name() + " takes no type arguments");
            return Type.UNKNOWN;
        }
        return type;
    }

    /** The model called {@code name}, or null after reporting why not. */
    ModelInfo model(String name, Position pos) {
        List<Object> found = lookup(name);
        if (found.size() == 1 && found.getFirst() instanceof ModelInfo m) {
            return m;
        }
        if (found.size() == 1 && found.getFirst() instanceof ErrorInfo e) {
            facts.error(pos, CheckCode.NOT_A_VALUE_TYPE, "'" + e.name() + "' is an error type: errors are raised"
                    + " (raise " + e.name() + " { ... }) and caught, not stored or passed as values");
        } else {
            unknown(name, pos, found, "type");
        }
        return null;
    }

    /** The error called {@code ident}, or null after reporting why not. */
    ErrorInfo error(Ident ident, ErrorUse use) {
        String name = ident.text();
        if (name.equals(ErrorInfo.CONFLICT.name())) {
            if (use != ErrorUse.CATCH) {
                facts.error(ident.pos(), CheckCode.BUILTIN_ERROR, "'Conflict' is a built-in error raised by the insert of a"
                        + " stored model whose key is taken; it is unchecked and can be caught but not "
                        + (use == ErrorUse.RAISE ? "raised" : "declared"));
                return null;
            }
            return ErrorInfo.CONFLICT;
        }
        if (name.equals(ErrorInfo.OVERFLOW.name()) || name.equals(ErrorInfo.DIVISION_BY_ZERO.name())) {
            if (use != ErrorUse.CATCH) {
                facts.error(ident.pos(), CheckCode.BUILTIN_ERROR, "'" + name + "' is a built-in error raised by Int"
                        + " arithmetic only; it is unchecked and can be caught but not " + (use == ErrorUse.RAISE ? "raised" : "declared"));
                return null;
            }
            return name.equals(ErrorInfo.OVERFLOW.name()) ? ErrorInfo.OVERFLOW : ErrorInfo.DIVISION_BY_ZERO;
        }
        List<Object> found = lookup(name);
        if (found.size() == 1 && found.getFirst() instanceof ErrorInfo e) {
            return e;
        }
        if (found.size() == 1 && found.getFirst() instanceof ModelInfo m) {
            facts.error(ident.pos(), CheckCode.NOT_AN_ERROR, "'" + m.name() + "' is a model, not an error; declare it with 'error "
                    + m.name() + " { ... }' to raise it");
        } else if (found.isEmpty() && (BUILTIN_TYPES.contains(name) || module.services().containsKey(name))) {
            facts.error(ident.pos(), CheckCode.NOT_AN_ERROR, "'" + name + "' is not an error type");
        } else {
            unknown(name, ident.pos(), found, "error");
        }
        return null;
    }

    private void unknown(String name, Position pos, List<Object> found, String what) {
        if (found.size() > 1) {
            facts.error(pos, CheckCode.AMBIGUOUS_NAME, "'" + name + "' is declared by several imported modules: write "
                    + String.join(" or ", found.stream().map(Object::toString).toList()));
        } else if (module.services().containsKey(name) || module.imported().containsKey(name)) {
            facts.error(pos, CheckCode.WRONG_KIND_OF_NAME, "'" + name + "' is a service, not a " + what
                    + "; services are called, not passed as values");
        } else if (!trusting) {
            facts.error(pos, CheckCode.UNKNOWN_TYPE, "unknown " + what + " '" + name + "'" + Names.suggest(name, typeNames()));
        }
    }

    /** Models and errors called {@code name}: this module's, or every imported module's one (qualified names: that module's). */
    private List<Object> lookup(String name) {
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            String owner = name.substring(0, dot);
            String simple = name.substring(dot + 1);
            return module.closure().stream().filter(m -> m.name().equals(owner)).findFirst()
                    .map(m -> declared(m, simple)).orElse(List.of());
        }
        List<Object> own = declared(module, name);
        if (!own.isEmpty()) {
            return own;
        }
        List<Object> found = new ArrayList<>();
        for (ModuleSymbols imported : module.closure()) {
            if (imported != module) {
                found.addAll(declared(imported, name));
            }
        }
        return found;
    }

    private static List<Object> declared(ModuleSymbols m, String name) {
        Object found = m.models().containsKey(name) ? m.models().get(name) : m.errors().get(name);
        return found == null ? List.of() : List.of(found);
    }

    private Set<String> typeNames() {
        Set<String> names = new LinkedHashSet<>(BUILTIN_TYPES);
        for (ModuleSymbols m : module.closure()) {
            names.addAll(m.models().keySet());
            names.addAll(m.errors().keySet());
        }
        return names;
    }
}
