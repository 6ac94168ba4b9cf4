/**
 * The query engine: Calcite planning over the {@link io.hallows.db.olap.impl.table.Catalog} and
 * execution by vectorized operators over Arrow vectors, morsel-parallel on the partition's workers.
 */
package io.hallows.db.olap.impl.engine;
