package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Field;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.ImportDecl;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.ast.Position;
import io.hallows.dsl.impl.syntax.TokenCursor.ParseError;
import java.util.ArrayList;
import java.util.List;

/**
 * The recursive-descent parser of Parseltongue: this class parses the module, its imports,
 * and declarations; {@link MemberParser}, {@link StatementParser} and {@link ExpressionParser} the rest.
 * Errors are reported into {@link Diagnostics} and parsing goes on after each (see
 * {@link TokenCursor} for how it recovers), so one pass reports every syntax error of a file.
 */
public final class Parser {
    private final TokenCursor in;
    private final TypeParser types;
    private final MemberParser members;

    private Parser(TokenCursor in) {
        this.in = in;
        this.types = new TypeParser(in);
        ExpressionParser expressions = new ExpressionParser(in, types);
        this.members = new MemberParser(in, types, expressions, new StatementParser(in, types, expressions));
    }

    /** Lexes and parses {@code source}; {@code fileName} is what diagnostics name the file. */
    public static ParseResult parse(String fileName, String source) {
        Diagnostics diagnostics = new Diagnostics();
        ModuleDecl module = parse(fileName, source, diagnostics);
        return new ParseResult(module, diagnostics.list());
    }

    /** Lexes and parses {@code source}, reporting into {@code diagnostics}; never returns null. */
    public static ModuleDecl parse(String fileName, String source, Diagnostics diagnostics) {
        return new Parser(new TokenCursor(Lexer.tokenize(fileName, source, diagnostics), diagnostics)).module();
    }

    private ModuleDecl module() {
        Position pos = in.peek().pos();
        Ident name = new Ident(pos, "");
        String version = "";
        if (in.at(TokenKind.MODULE)) {
            try {
                in.advance();
                name = types.qualified("a module name after 'module'");
                in.expect(TokenKind.VERSION, "and a version string after the module name");
                if (!in.at(TokenKind.STRING)) {
                    throw in.expected("a version string such as \"1.0.0\" after 'version'");
                }
                Token versionToken = in.advance();
                version = (String) versionToken.value();
                checkVersion(versionToken.pos(), version);
                in.expectSemicolon("after the module header");
            } catch (ParseError e) {
                in.syncDeclaration();
            }
        } else {
            in.report(pos, SyntaxCode.EXPECTED_TOKEN, "expected 'module <name> version \"<version>\";' at the"
                    + " start of the file, found " + in.peek().describe());
        }
        List<ImportDecl> imports = new ArrayList<>();
        List<Decl> declarations = new ArrayList<>();
        boolean declared = false;
        while (!in.at(TokenKind.EOF)) {
            int start = in.index();
            try {
                if (in.at(TokenKind.IMPORT)) {
                    if (declared) {
                        in.report(in.peek().pos(), SyntaxCode.IMPORT_AFTER_DECLARATION,
                                "imports come before the declarations; move this import up");
                    }
                    imports.add(importDecl());
                } else {
                    declared = true;
                    declarations.add(declaration());
                }
            } catch (ParseError e) {
                in.syncDeclaration();
            }
            if (in.index() == start) {
                in.skip();
            }
        }
        return new ModuleDecl(pos, name, version, imports, declarations);
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,2}");

    /**
     * A module's version becomes its bundles' OSGi version, whose qualifier Parseltongue sets to a
     * hash of the source: so it is {@code major[.minor[.micro]]}, numbers only, and a semantic
     * version's pre-release or build part is refused here rather than at deployment.
     */
    private void checkVersion(Position pos, String version) {
        if (!VERSION.matcher(version).matches()) {
            in.report(pos, SyntaxCode.BAD_VERSION, "version \"" + version + "\" is not major.minor.micro (numbers of up to"
                    + " 9 digits, e.g. \"1.0.0\"): it becomes the bundles' OSGi version, whose qualifier Parseltongue sets itself");
        }
    }

    private ImportDecl importDecl() {
        Position pos = in.advance().pos();
        ImportDecl result;
        if (in.accept(TokenKind.SERVICE)) {
            Ident service = types.qualified("a service name after 'import service'");
            in.expect(TokenKind.FROM, "and the module after the service name");
            Ident module = types.qualified("a module name after 'from'");
            result = new ImportDecl.ServiceImport(pos, service, module, alias());
        } else if (in.accept(TokenKind.JAVA)) {
            Ident type = types.javaName("an interface name after 'import java'");
            result = new ImportDecl.JavaImport(pos, type, alias());
        } else {
            throw in.expected("'service' or 'java' after 'import'");
        }
        in.expectSemicolon("after the import");
        return result;
    }

    /** {@code as} is not a keyword: it means something only here. */
    private String alias() {
        if (in.at(TokenKind.IDENT) && in.peek().text().equals("as")) {
            in.advance();
            return in.expectName("a name after 'as'").text();
        }
        return null;
    }

    private Decl declaration() {
        List<Hint> hints = members.hints();
        Token keyword = in.peek();
        if (!hints.isEmpty() && keyword.kind() != TokenKind.ERROR) {
            in.report(hints.getFirst().pos(), SyntaxCode.MISPLACED_HINT, "a hint before a declaration applies to an error"
                    + " (@status(404) error NotFound { ... }), but '@" + hints.getFirst().name() + "(...)' is followed by "
                    + keyword.describe());
        }
        return switch (keyword.kind()) {
            case MODEL, REACTIVE_MODEL -> model();
            case ERROR -> errorDecl(hints);
            case SERVICE -> service();
            default -> throw in.error(keyword.pos(), SyntaxCode.EXPECTED_DECLARATION, "expected a declaration"
                    + " ('model', 'reactive_model', 'error' or 'service'), found " + keyword.describe()
                    + (in.atAny(TokenCursor.MEMBER_START) ? "; operations and state belong in a service" : ""));
        };
    }

    private Decl model() {
        Token keyword = in.advance();
        Token name = in.expectName("a model name after '" + keyword.text() + "'");
        List<String> typeParams = List.of();
        if (in.accept(TokenKind.LT)) {
            if (in.at(TokenKind.GT)) {
                throw in.expected("a type parameter");
            }
            typeParams = types.commaList(TokenKind.GT, false, "type parameters",
                    () -> in.expectName("a type parameter").text());
        }
        String owner = "model '" + name.text() + "'";
        String table = StoredSyntax.storedIn(in);
        return new Decl.ModelDecl(keyword.pos(), name.text(), keyword.kind() == TokenKind.REACTIVE_MODEL, typeParams,
                fields(owner), table);
    }

    private Decl errorDecl(List<Hint> hints) {
        Token keyword = in.advance();
        Token name = in.expectName("an error name after 'error'");
        return new Decl.ErrorDecl(keyword.pos(), name.text(), fields("error '" + name.text() + "'"), hints);
    }

    private List<Field> fields(String owner) {
        in.expect(TokenKind.LBRACE, "to start the fields of " + owner);
        return types.commaList(TokenKind.RBRACE, true, "fields of " + owner, () -> {
            boolean dropped = StoredSyntax.droppedMarker(in);
            Token name = in.expectName("a field name");
            in.expect(TokenKind.COLON, "and a type after the field name '" + name.text() + "'");
            return new Field(name.pos(), name.text(), types.type("a type"), dropped);
        });
    }

    private Decl service() {
        Token keyword = in.advance();
        Token name = in.expectName("a service name after 'service'");
        Token open = in.expectOpeningBrace("'{' to start the body of service '" + name.text() + "'",
                in.atAny(TokenCursor.MEMBER_START));
        int depth = in.braceDepth();
        List<Member> members = new ArrayList<>();
        while (!in.at(TokenKind.RBRACE) && !in.at(TokenKind.EOF) && !in.atAny(TokenCursor.DECLARATION_START)) {
            int start = in.index();
            try {
                members.add(this.members.member());
            } catch (ParseError e) {
                in.syncMember(depth);
            }
            if (in.index() == start) {
                in.skip();
            }
        }
        if (!in.acceptClosingBrace()) {
            in.report(in.expectedAt(), SyntaxCode.EXPECTED_TOKEN, "expected '}' to close service '" + name.text()
                    + "' opened at " + open.pos().line() + ":" + open.pos().column() + ", found "
                    + in.peek().describe());
            in.closeVirtually(TokenKind.RBRACE);
        }
        return new Decl.ServiceDecl(keyword.pos(), name.text(), members);
    }
}
