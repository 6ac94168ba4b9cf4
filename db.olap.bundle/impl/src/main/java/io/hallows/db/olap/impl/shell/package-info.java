/** The operator's shell commands of the OLAP database, in the Gogo scope {@code olap}. */
package io.hallows.db.olap.impl.shell;
