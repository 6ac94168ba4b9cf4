/**
 * Persistence of the OLAP tables: one Arrow IPC file per table in the data area's {@code olap/}
 * folder, written atomically and opened by memory-mapping its record batches, and the
 * {@link io.hallows.db.olap.impl.store.TableStore} that serves them to queries as snapshots.
 */
package io.hallows.db.olap.impl.store;
