/**
 * The OLTP engine's composition root: the {@code Database} service in the db partition, its
 * configuration, its data directory in the stack's data area, and its shell commands.
 */
package io.hallows.db.oltp.impl;
