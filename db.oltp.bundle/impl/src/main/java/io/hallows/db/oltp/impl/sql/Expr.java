package io.hallows.db.oltp.impl.sql;

/** A compiled scalar expression over an input row. */
@FunctionalInterface
interface Expr {
    Object eval(Object[] row, Exec ex);
}
