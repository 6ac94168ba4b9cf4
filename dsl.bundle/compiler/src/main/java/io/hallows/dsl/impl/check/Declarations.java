package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Field;
import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.ImportDecl;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.ast.Param;
import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first pass over a module: its declarations and imports, their names and types, and the
 * signatures of its services (state, derived values, operations). Bodies are left to
 * {@link BodyChecker}; an imported module goes through this pass only.
 */
final class Declarations {
    private final ModuleDecl ast;
    private final ModuleSymbols module;
    private final Imports imports;
    private final Facts facts;
    private final Set<String> taken = new HashSet<>();
    private final Set<Decl> accepted = Collections.newSetFromMap(new IdentityHashMap<>());
    private TypeResolver types;

    private Declarations(ModuleDecl ast, Imports imports, Facts facts) {
        this.ast = ast;
        this.module = new ModuleSymbols(ast);
        this.imports = imports;
        this.facts = facts;
    }

    /** The symbols of {@code ast}'s declarations, reporting problems into {@code facts}. */
    static ModuleSymbols declare(ModuleDecl ast, Imports imports, Facts facts) {
        return run(ast, imports, facts).module;
    }

    /** The pass, done: its symbols and the type resolver bodies are checked with. */
    static Declarations run(ModuleDecl ast, Imports imports, Facts facts) {
        Declarations d = new Declarations(ast, imports, facts);
        d.names();
        d.imports();
        d.types = new TypeResolver(d.module, facts, imports.isolated() && !ast.imports().isEmpty());
        d.fields();
        d.services();
        return d;
    }

    ModuleSymbols module() {
        return module;
    }

    TypeResolver types() {
        return types;
    }

    private void names() {
        for (Decl d : ast.declarations()) {
            if (!claim(d.name(), d.pos(), "declared in this module")) {
                continue;
            }
            accepted.add(d);
            switch (d) {
                case Decl.ModelDecl m -> module.models().put(m.name(),
                        new ModelInfo(module.name(), m.name(), m.reactive(), m.typeParams(), m.pos()));
                case Decl.ErrorDecl e -> module.errors().put(e.name(), new ErrorInfo(module.name(), e.name()));
                case Decl.ServiceDecl s -> module.services().put(s.name(), ServiceInfo.declared(module.name(), s));
            }
        }
    }

    private boolean claim(String name, Position pos, String where) {
        if (TypeResolver.BUILTIN_TYPES.contains(name) || name.equals("Overflow") || name.equals("DivisionByZero")
                || name.equals("Conflict")) {
            facts.error(pos, CheckCode.DUPLICATE, "'" + name + "' is a built-in type; choose another name");
            return false;
        }
        if (!taken.add(name)) {
            facts.error(pos, CheckCode.DUPLICATE, "'" + name + "' is already " + where);
            return false;
        }
        return true;
    }

    private void imports() {
        for (ImportDecl i : ast.imports()) {
            if (!claim(i.localName(), i.pos(), "declared or imported in this module")) {
                continue;
            }
            if (imports.isolated()) {
                module.imported().put(i.localName(), ServiceInfo.trusted(i.localName()));
                continue;
            }
            switch (i) {
                case ImportDecl.ServiceImport s -> serviceImport(s);
                case ImportDecl.JavaImport j -> javaImport(j);
            }
        }
    }

    private void serviceImport(ImportDecl.ServiceImport s) {
        Imports.Loaded loaded = imports.module(s.module().text());
        if (loaded.problem() != null) {
            facts.error(s.module().pos(), CheckCode.UNRESOLVED_IMPORT, loaded.problem());
            return;
        }
        ModuleSymbols other = loaded.module();
        ServiceInfo service = other.services().get(s.service().text());
        if (service == null) {
            facts.error(s.service().pos(), CheckCode.UNRESOLVED_IMPORT, "module '" + other.name() + "' has no service '"
                    + s.service().text() + "'" + Names.suggest(s.service().text(), other.services().keySet()));
            return;
        }
        module.imported().put(s.localName(), service);
        if (!module.importedModules().contains(other)) {
            module.importedModules().add(other);
        }
    }

    private void javaImport(ImportDecl.JavaImport j) {
        String name = j.type().text();
        Optional<ServiceInfo> service = imports.javaService(name);
        if (service.isEmpty()) {
            facts.error(j.type().pos(), CheckCode.UNRESOLVED_IMPORT, imports.isJavaClass(name)
                    ? "'" + name + "' is a class; only Java service interfaces can be imported"
                    : "no Java interface '" + name + "' is visible: is its package exported by a bundle of the stack?");
            return;
        }
        module.imported().put(j.localName(), service.get());
        module.javaImports().add(service.get().javaType());
    }

    private void fields() {
        for (Decl d : ast.declarations()) {
            if (!accepted.contains(d)) {
                continue;
            }
            if (d instanceof Decl.ModelDecl m) {
                ModelInfo info = module.models().get(m.name());
                Set<String> params = new HashSet<>();
                for (String p : m.typeParams()) {
                    if (!params.add(p) || taken.contains(p) || TypeResolver.BUILTIN_TYPES.contains(p)) {
                        facts.error(m.pos(), CheckCode.DUPLICATE, "type parameter '" + p + "' of model '" + m.name()
                                + "' repeats or hides another type's name");
                    }
                }
                fillFields(m.fields(), info.fields(), m.typeParams(), "model '" + m.name() + "'");
            } else if (d instanceof Decl.ErrorDecl e) {
                fillFields(e.fields(), module.errors().get(e.name()).fields(), List.of(), "error '" + e.name() + "'");
            }
        }
    }

    private void fillFields(List<Field> fields, Map<String, Type> into, List<String> typeParams, String owner) {
        for (Field f : fields) {
            if (f.dropped()) {
                continue; // kept for the migration only (StoredModels): not a field of the type
            }
            if (into.containsKey(f.name())) {
                facts.error(f.pos(), CheckCode.DUPLICATE, owner + " already has a field '" + f.name() + "'");
            } else {
                into.put(f.name(), types.value(f.type(), typeParams));
            }
        }
    }

    private void services() {
        for (Decl d : ast.declarations()) {
            if (d instanceof Decl.ServiceDecl s && accepted.contains(d)) {
                ServiceInfo service = module.services().get(s.name());
                Set<String> members = new HashSet<>();
                for (Member m : s.members()) {
                    member(service, m, members);
                }
            }
        }
    }

    private void member(ServiceInfo service, Member member, Set<String> names) {
        String what = "service '" + service.name() + "' already has a member";
        switch (member) {
            case Member.StateVar v -> {
                if (unique(names, v.name(), v.pos(), what)) {
                    service.state().put(v.name(), new Symbol.State(service, v.name(), v.kind(), types.value(v.type(), List.of()), v));
                }
            }
            case Member.Derived v -> {
                if (unique(names, v.name(), v.pos(), what)) {
                    service.derived().put(v.name(), new Symbol.DerivedValue(service, v.name(), types.value(v.type(), List.of()), v));
                }
            }
            case Member.Operation op -> {
                if (unique(names, op.name(), op.pos(), what)) {
                    service.addOp(signature(service, op));
                }
            }
            case Member.Subscription s -> {
            }
        }
    }

    private Symbol.Op signature(ServiceInfo service, Member.Operation op) {
        List<Symbol.Local> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Param p : op.params()) {
            Type type = types.value(p.type(), List.of());
            if (unique(names, p.name(), p.pos(), "operation '" + op.name() + "' already has a parameter")) {
                params.add(new Symbol.Local(p.name(), type, Symbol.LocalKind.PARAM, p.pos()));
            }
        }
        List<ErrorInfo> raises = new ArrayList<>();
        for (Ident r : op.raises()) {
            ErrorInfo error = types.error(r, TypeResolver.ErrorUse.RAISES);
            if (error != null && raises.contains(error)) {
                facts.error(r.pos(), CheckCode.DUPLICATE, "'" + r.text() + "' is listed twice in raises");
            } else if (error != null) {
                facts.symbols.put(r, new Symbol.ErrorType(error));
                raises.add(error);
            }
        }
        return new Symbol.Op(service, op.name(), params, types.result(op.returnType()), raises, op, null);
    }

    private boolean unique(Set<String> names, String name, Position pos, String already) {
        if (!names.add(name)) {
            facts.error(pos, CheckCode.DUPLICATE, already + " '" + name + "'");
            return false;
        }
        return true;
    }
}
