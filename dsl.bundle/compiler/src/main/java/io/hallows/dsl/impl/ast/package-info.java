/**
 * The Parseltongue syntax tree: immutable records under sealed interfaces, so that the checker and
 * the code generator switch over them exhaustively ({@code switch (expr) { case Expr.Binary b -> ... }}).
 *
 * <pre>
 * ModuleDecl ─ ImportDecl (ServiceImport | JavaImport)
 *            └ Decl (ModelDecl | ErrorDecl | ServiceDecl ─ Member (StateVar | Derived | Subscription | Operation))
 * Operation ─ Hint, Param, TypeRef, Ident (raises), Block ─ Stmt
 * Stmt: Let Assign If For While Return Raise Try(Catch) Match ExprStmt
 * Expr: IntLit FloatLit StringLit BoolLit NoneLit SomeExpr Name ModelLiteral ListLiteral MapLiteral
 *       Binary Unary Call FieldAccess MethodCall Index
 * </pre>
 *
 * Every node has the {@link io.hallows.dsl.impl.ast.Position} of its first token; nodes that name
 * something declared elsewhere keep that name as an {@link io.hallows.dsl.impl.ast.Ident} with its
 * own position, and member accesses and binary operators also keep the position of the name or
 * operator, so that diagnostics point where the reader looks.
 *
 * <p>A tree from a file with syntax errors is partial: a construct the parser could not make sense
 * of is left out. Later stages run only on trees without syntax errors.
 */
package io.hallows.dsl.impl.ast;
