package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.Glob;
import java.util.Set;

/**
 * One policy rule, written {@code <bundle-pattern> <kind>:<name-pattern> <RIGHT>[,<RIGHT>...]}, e.g.
 * {@code com.vendor.* service:greeter CALL}: bundles matching the pattern may be granted at most
 * those rights on matching resources. The bundle pattern matches symbolic names, which bundles
 * choose themselves; written {@code <name-pattern>@<location-pattern>}, e.g.
 * {@code com.vendor.*@file:/opt/vendor/*}, it also requires that the stack's own bundles installed
 * the bundle from a matching location, which binds the rule to how the bundle was installed.
 *
 * @param locations null when the rule names no location
 */
record GrantRule(Glob bundles, Glob locations, String kind, Glob names, Set<Right> rights) {

    static GrantRule parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length != 3) {
            throw new IllegalArgumentException("rule '" + text + "' must have three parts: <bundle-pattern> <kind>:<name-pattern> <RIGHTS>");
        }
        int colon = words[1].indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("rule '" + text + "': '" + words[1] + "' is not kind:name-pattern");
        }
        int at = words[0].indexOf('@'); // symbolic names cannot contain '@'; locations may
        if (at == 0 || at == words[0].length() - 1) {
            throw new IllegalArgumentException("rule '" + text + "': '" + words[0] + "' is not <name-pattern>@<location-pattern>");
        }
        Glob bundles = Glob.of(at < 0 ? words[0] : words[0].substring(0, at));
        Glob locations = at < 0 ? null : Glob.of(words[0].substring(at + 1));
        return new GrantRule(bundles, locations, words[1].substring(0, colon), Glob.of(words[1].substring(colon + 1)),
                Rights.parse(words[2]));
    }

    /**
     * @param location where the stack's own bundles installed the bundle from, or null if they did
     *     not install it (then no rule that names a location allows it)
     */
    boolean allows(String bundle, String location, Resource resource, Set<Right> requested) {
        return bundles.matches(bundle) && (locations == null || (location != null && locations.matches(location)))
                && kind.equals(resource.kind()) && names.matches(resource.name()) && rights.containsAll(requested);
    }

    @Override
    public String toString() {
        return bundles + (locations == null ? "" : "@" + locations) + " " + kind + ":" + names + " " + rights;
    }
}
