/**
 * The HTTP admin API: partitions and schedulers for operators and their tools, over JSON.
 *
 * <pre>
 *  client ──HTTP──▶ AdminHandler (event loop)            AdminApi (partition task)
 *                    1. bearer token   401                 reads the body, calls the kernel,
 *                    2. Routes         404 / 405           renders JsonViews
 *                    3. body ≤ 64 KiB  413        ──────▶  JsonBody 400 · kernel 404 / 409 / 403
 * </pre>
 *
 * <p>{@link io.hallows.admin.AdminComponent} (Declarative Services) starts an
 * {@link io.hallows.admin.AdminServer} once the kernel's protected {@code Schedulers} and
 * {@code Partitions} services are visible to this bundle; the server runs on a Vert.x instance made on
 * the bundle's own partition ({@code io.hallows.vertx.api.PartitionVertx}): the event loop is the
 * partition's thread, and each request's kernel call (blocking work) is the partition's task.
 * The token lives in an owner-only file ({@code TokenFile}); the bound URL is published beside it.
 * Errors are always {@code {"error": "..."}}; the kernel's exceptions map to statuses in
 * {@code ApiException}. A request is validated completely before the kernel is called, so a
 * rejected request never changes anything. Endpoint reference: {@code docs/admin-api.md}.
 *
 * <p>Nothing here is exported: the HTTP interface is the contract.
 */
package io.hallows.admin;
