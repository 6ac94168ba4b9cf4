/**
 * The lexer and parser of Parseltongue: source text to a {@link io.hallows.dsl.impl.ast.ModuleDecl}
 * and {@link io.hallows.dsl.impl.syntax.Diagnostics}.
 *
 * <pre>
 * Parser.parse(file, source)
 *   Lexer (SourceReader, LiteralLexer) ── tokens ──▶ TokenCursor (lookahead, errors, recovery)
 *                          ├ Parser           module, imports, declarations
 *                          ├ MemberParser     state, derived, on ... changed, hints, op
 *                          ├ StatementParser  blocks and statements
 *                          ├ ExpressionParser precedence levels, literals
 *                          └ TypeParser       names, types and comma lists
 * </pre>
 *
 * <h2>Errors never stop a pass</h2>
 * The lexer turns a bad literal into a token anyway and drops characters that start no token,
 * marking the next token so the parser does not report their consequences. The parser reports an
 * error, unwinds to the statement, member or declaration being parsed and skips to the next one
 * (counting braces, so never into the middle of a block). Errors that follow the first before any
 * token is parsed again are not reported: they would be its consequences.
 *
 * <p>Some mistakes are repaired in place instead, so that they cost one diagnostic and no part of
 * the tree: a {@code ;} missing before a new line or a {@code }}; a {@code )} or one-line
 * {@code }} missing before the {@code ;} of a statement; a {@code {} missing before a body whose
 * {@code }} is there (the rest of the file has one {@code }} too many); a {@code }} missing before
 * {@code else}; a keyword used as a name.
 *
 * <p>Every loop consumes a token per turn or stops at the end of file, and nesting is bounded
 * ({@link io.hallows.dsl.impl.syntax.SyntaxCode#NESTING_TOO_DEEP}), so parsing always ends.
 */
package io.hallows.dsl.impl.syntax;
