/**
 * Who holds what: the {@link io.hallows.kernel.impl.capability.CapabilityTable} of capabilities the
 * kernel minted (a root per resource, grants derived from it), the grant policy
 * ({@code io.hallows.policy}) that decides the {@code Hallows-Request} header of each bundle as it
 * is installed, and the {@code CapabilityRegistry} view a bundle has of its own capabilities.
 * Enforcement is {@code impl.protect}'s; this package only decides and records.
 */
package io.hallows.kernel.impl.capability;
