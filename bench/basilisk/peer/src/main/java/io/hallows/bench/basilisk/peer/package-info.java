/**
 * The bare Vert.x peer of {@code bench/basilisk/run}: TechEmpower's six test types (plaintext,
 * JSON, single query, multiple queries, fortunes, updates) on vertx-web and Vert.x's reactive
 * PostgreSQL client, written as TechEmpower's own vertx-web entry is, so that the Hallows figures
 * are compared with what a Vert.x user would write. Not part of the stack.
 */
package io.hallows.bench.basilisk.peer;
