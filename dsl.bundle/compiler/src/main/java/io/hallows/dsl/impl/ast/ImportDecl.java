package io.hallows.dsl.impl.ast;

/** An {@code import}: another module's service, or a Java service interface. */
public sealed interface ImportDecl extends Node {
    /** The name the module's code uses for the import: the alias, else the last segment of the name. */
    String localName();

    /**
     * {@code import service Pricing from shop as Prices;}
     *
     * @param alias the {@code as} name, or null
     */
    record ServiceImport(Position pos, Ident service, Ident module, String alias) implements ImportDecl {
        @Override
        public String localName() {
            return alias != null ? alias : lastSegment(service.text());
        }
    }

    /**
     * {@code import java io.hallows.kernel.api.Partitions as Partitions;}
     *
     * @param type  the fully qualified interface name
     * @param alias the {@code as} name, or null
     */
    record JavaImport(Position pos, Ident type, String alias) implements ImportDecl {
        @Override
        public String localName() {
            return alias != null ? alias : lastSegment(type.text());
        }
    }

    private static String lastSegment(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
