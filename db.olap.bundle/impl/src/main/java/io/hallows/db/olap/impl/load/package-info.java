/** Loading tables: the TPC-H generator, CSV files, rows from the OLTP database. */
package io.hallows.db.olap.impl.load;
