/**
 * Enforcement of capabilities inside one JVM: service hooks that hide what a bundle may not use
 * ({@link io.hallows.kernel.impl.protect.ServiceVisibility}), per-holder revocable proxies of
 * protected services ({@link io.hallows.kernel.impl.protect.ProtectedServices},
 * {@code ProxyFactory}, {@code RevocableProxy}), a resolver hook that refuses wirings carrying the
 * kernel's authority ({@link io.hallows.kernel.impl.protect.ResolverGuard}), and who counts as the
 * stack's own infrastructure ({@link io.hallows.kernel.impl.protect.Trust}). What this does and does
 * not guarantee is in docs/security.md; the design in docs/kernel.md.
 */
package io.hallows.kernel.impl.protect;
