/**
 * The semantic checks of Parseltongue: names, types, variable kinds, reactivity and the flow of
 * errors, on a tree that parsed. The result is data: diagnostics ({@code PT02xx} names,
 * {@code PT03xx} types, {@code PT04xx} variable kinds, reactivity and errors; see
 * {@link io.hallows.dsl.impl.check.CheckCode}) and, for code generation, a
 * {@link io.hallows.dsl.impl.check.CheckedModule}.
 *
 * <pre>
 * Checker.check(ast, environment, diagnostics)
 *   Declarations   names, imports (Imports: other modules' sources, Java interfaces via JavaSignatures),
 *                  model/error fields and service signatures (TypeResolver)      → ModuleSymbols
 *   per service    state initializers, derived values (+ DerivedGraph: cycles, order),
 *                  subscriptions, operations with their hints
 *     StmtChecker  statements, scopes (BodyScope), flow: returns, unreachable code; Assignments
 *     ExprChecker  names, operators (Operators), fields; CallChecker (calls, Builtins, errors raised);
 *                  Literals (collections, none, model literals with generic inference)
 *   → CheckedModule: a Type per expression and a Symbol per name, call, literal (by node identity),
 *                    derived reads and order
 * </pre>
 *
 * <h2>Design notes</h2>
 * <ul>
 * <li>One mistake, one diagnostic: an expression with an error has type {@code UNKNOWN}, which
 * matches everything, so its consequences are not reported again.</li>
 * <li>What a body may do depends on its kind ({@link io.hallows.dsl.impl.check.BodyScope.Mode}):
 * operations and subscriptions have effects; derived values read reactive state only and are pure;
 * initializers are constant; {@code @key} sees the parameters only.</li>
 * <li>Flow follows Java's reachability rules, so that generated Java never disagrees with the
 * checker (a disagreement would be a compiler bug, {@code PT0901}).</li>
 * <li>An imported module is parsed and its declarations checked from its source, once per
 * compilation; checked alone ({@link io.hallows.dsl.impl.check.Environment#isolated()}) a file
 * takes its imports on trust.</li>
 * </ul>
 */
package io.hallows.dsl.impl.check;
