/**
 * Java source from a checked module: an API package ({@code pt.<module>.api}: an interface per
 * service, a record per model, a {@link io.hallows.dsl.runtime.PtError} subclass per error) that
 * changes only when the public surface does, and an implementation package
 * ({@code pt.<module>.impl}: a final class per service).
 *
 * <pre>
 * ModuleGenerator.generate(checked)
 *   ApiGenerator       interfaces, records (reactive models: withField copies), errors → apiHash
 *   ServiceGenerator   fields of the variable-kind classes bound to state cells (TypeSignatures:
 *                      the cell's type signature, with API hashes for models), derived values and
 *                      subscriptions wired in the constructor, one method per operation
 *     BodyGenerator    statements; assignments to state become set or update per variable kind
 *     SplitBody        a body too large for one Java method as a chain of part methods
 *     ExprGenerator    expressions; Calls: direct calls, ctx.service(Api.class) for other services
 *   JavaNames          identifiers and types as Java writes them
 * </pre>
 *
 * Generated code uses typed fields and direct calls; the only reflection is the deployer's, once
 * per service, to call its constructor. Int, Float and Bool are Java primitives except inside
 * generic types and state cells, where a cast unboxes them at each read.
 */
package io.hallows.dsl.impl.gen;
