package io.hallows.dsl.impl.ast;

import java.util.List;

/** A top-level declaration of a module. */
public sealed interface Decl extends Node {
    String name();

    /**
     * {@code model Order { sku: String, qty: Int }} or, with {@code reactive}, a
     * {@code reactive_model} whose fields are signals.
     *
     * @param typeParams the names of {@code <T, U>}, empty if none
     * @param table      for {@code model M stored in "table"}, the OLTP table; null for a model not stored
     */
    record ModelDecl(Position pos, String name, boolean reactive, List<String> typeParams, List<Field> fields, String table)
            implements Decl {
        public ModelDecl {
            typeParams = List.copyOf(typeParams);
            fields = List.copyOf(fields);
        }

        /** A model that is not stored. */
        public ModelDecl(Position pos, String name, boolean reactive, List<String> typeParams, List<Field> fields) {
            this(pos, name, reactive, typeParams, fields, null);
        }
    }

    /**
     * {@code error UnknownSku { sku: String }}: a type that operations raise and callers catch.
     *
     * @param hints written before {@code error}: {@code @status(404)} (what a route answers when it raises it)
     */
    record ErrorDecl(Position pos, String name, List<Field> fields, List<Hint> hints) implements Decl {
        public ErrorDecl {
            fields = List.copyOf(fields);
            hints = List.copyOf(hints);
        }
    }

    /** {@code service Pricing { ... }}: becomes an OSGi service. */
    record ServiceDecl(Position pos, String name, List<Member> members) implements Decl {
        public ServiceDecl {
            members = List.copyOf(members);
        }
    }
}
