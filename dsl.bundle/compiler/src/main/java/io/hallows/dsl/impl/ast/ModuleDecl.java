package io.hallows.dsl.impl.ast;

import java.util.List;

/**
 * A whole {@code .pt} file: {@code module shop version "1.0.0";}, its imports and declarations.
 *
 * <p>In a tree from a file with syntax errors the parser keeps what it could parse: a missing
 * header leaves {@code name} with empty text and {@code version} empty.
 *
 * @param name    the qualified module name
 * @param version the version string without quotes
 */
public record ModuleDecl(Position pos, Ident name, String version, List<ImportDecl> imports, List<Decl> declarations)
        implements Node {
    public ModuleDecl {
        imports = List.copyOf(imports);
        declarations = List.copyOf(declarations);
    }
}
