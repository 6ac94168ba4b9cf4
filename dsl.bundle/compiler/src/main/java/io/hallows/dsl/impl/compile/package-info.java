/**
 * Parseltongue to class files: {@link io.hallows.dsl.impl.compile.JavaModuleCompiler} runs the front
 * end, generates Java and compiles it with {@link io.hallows.dsl.impl.compile.InMemoryJavac} against
 * a {@link io.hallows.dsl.impl.compile.ClassLibrary}: the runtime package generated code imports,
 * other modules' API packages and Java service packages, and nothing else besides the JDK. Inside a
 * framework the deployer's library reads them from the bundles that export them; on a plain class
 * path (tests, benchmarks) a library reads them from a class loader.
 */
package io.hallows.dsl.impl.compile;
