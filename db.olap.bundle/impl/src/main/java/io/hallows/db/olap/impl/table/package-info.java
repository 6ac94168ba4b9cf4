/**
 * Columnar tables: column definitions, chunks of Arrow vectors with min/max statistics, and the
 * catalog the planner reads. What the storage (loading, IPC files) builds and the engine scans.
 */
package io.hallows.db.olap.impl.table;
