/**
 * Planning: Calcite parse, validation, decorrelation and heuristic optimization
 * ({@link io.hallows.db.olap.impl.plan.Planner}), then the physical operator tree
 * ({@link io.hallows.db.olap.impl.plan.PhysicalPlanner}).
 */
package io.hallows.db.olap.impl.plan;
