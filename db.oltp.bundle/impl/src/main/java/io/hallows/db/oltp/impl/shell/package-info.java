/** The database's shell commands ({@code db:sql}, {@code db:stats}, {@code db:checkpoint}) and their output. */
package io.hallows.db.oltp.impl.shell;
