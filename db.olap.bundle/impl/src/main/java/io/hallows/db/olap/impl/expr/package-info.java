/**
 * Scalar expressions evaluated a whole batch at a time, compiled from Calcite's row expressions
 * by {@link io.hallows.db.olap.impl.expr.ExprCompiler} (with constant folding).
 */
package io.hallows.db.olap.impl.expr;
