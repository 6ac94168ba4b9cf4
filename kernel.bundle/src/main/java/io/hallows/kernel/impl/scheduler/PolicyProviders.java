package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;
import org.osgi.framework.Bundle;

/**
 * Who may provide a scheduling policy, and which installed bundle provides each one. A policy's
 * factory serves partitions only if:
 * <ul>
 * <li>its name is not {@code fifo}: nobody shadows the kernel's built-in fallback;</li>
 * <li>its bundle has the authority: one of the stack's own bundles, or a holder of
 * {@code scheduler:<name>} with {@link Right#PROVIDE} (granted by the stack file or the policy);</li>
 * <li>no other installed bundle already provides that name. The first accepted bundle claims the
 * name (by bundle id, which an update keeps, never by symbolic name): newer revisions come from it
 * alone, and the claim ends when that bundle is uninstalled or loses its authority.</li>
 * </ul>
 * Not thread-safe: its {@link SchedulerCatalog} calls it under its own lock.
 */
final class PolicyProviders {
    private final BiPredicate<Bundle, String> authority;
    private final LongFunction<Bundle> installed;
    /** Policy name → id of the bundle that provides it. */
    private final Map<String, Long> claims = new HashMap<>();

    /**
     * @param authority whether a bundle may provide the policy of that name (stack bundle or capability holder)
     * @param installed the installed bundle of that id, or null once it is uninstalled
     */
    PolicyProviders(BiPredicate<Bundle, String> authority, LongFunction<Bundle> installed) {
        this.authority = authority;
        this.installed = installed;
    }

    /** Authority as the kernel grants it: the stack's own bundles, or holders of {@code scheduler:<name>} PROVIDE. */
    static BiPredicate<Bundle, String> stackOrCapability(java.util.function.Predicate<Bundle> stack,
            BiPredicate<Long, Resource> holdsProvide) {
        return (bundle, policy) -> stack.test(bundle) || holdsProvide.test(bundle.getBundleId(), Resource.scheduler(policy));
    }

    /** Ends every claim whose bundle is gone or no longer has the authority; call before a round of {@link #refusal}. */
    void forgetLapsedClaims() {
        claims.entrySet().removeIf(e -> {
            Bundle b = installed.apply(e.getValue());
            return b == null || b.getState() == Bundle.UNINSTALLED || !authority.test(b, e.getKey());
        });
    }

    /** Ends the claims of an uninstalled bundle. */
    void forget(long bundleId) {
        claims.values().removeIf(id -> id == bundleId);
    }

    /**
     * Why {@code bundle} may not provide the policy {@code name}, or null if it may (it then claims
     * the name, if nobody has).
     */
    String refusal(Bundle bundle, String name) {
        if (FifoScheduler.NAME.equals(name)) {
            return "'" + FifoScheduler.NAME + "' is the kernel's built-in policy and cannot be provided by a bundle";
        }
        if (!authority.test(bundle, name)) {
            return "it is not one of the stack's bundles and holds no capability " + Resource.scheduler(name) + " " + Right.PROVIDE;
        }
        Long owner = claims.putIfAbsent(name, bundle.getBundleId());
        if (owner != null && owner != bundle.getBundleId()) {
            Bundle by = installed.apply(owner);
            return "policy '" + name + "' is provided by " + (by == null ? "bundle " + owner : Provenance.of(by))
                    + ": only that installed bundle may provide newer revisions of it";
        }
        return null;
    }
}
