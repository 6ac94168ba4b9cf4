/**
 * The Parseltongue API: what a caller of the compiler sees. Today that is its diagnostics.
 *
 * <p>Every problem the compiler finds in a {@code .pt} file is a {@link io.hallows.dsl.api.Diagnostic}:
 * data with a file, a line, a column, a {@link io.hallows.dsl.api.Severity}, a stable code and a
 * message. The compiler collects them and hands them back; it never throws for a mistake in a
 * program and never installs a module that has an error.
 *
 * <h2>Codes</h2>
 * {@code PT01xx} lexical, {@code PT02xx} syntax and names, {@code PT03xx} types, {@code PT04xx}
 * variable kinds and reactivity, {@code PT09xx} internal (a compiler bug, reported as such). A code
 * keeps its meaning across versions; messages may be reworded.
 */
@Export
@Version("0.1.0")
package io.hallows.dsl.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
