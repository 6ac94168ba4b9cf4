package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.Glob;
import java.util.Set;

/**
 * One policy rule, written {@code <bundle-pattern> <kind>:<name-pattern> <RIGHT>[,<RIGHT>...]}, e.g.
 * {@code com.vendor.* service:greeter CALL}: bundles matching the pattern may be granted at most
 * those rights on matching resources.
 */
record GrantRule(Glob bundles, String kind, Glob names, Set<Right> rights) {

    static GrantRule parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length != 3) {
            throw new IllegalArgumentException("rule '" + text + "' must have three parts: <bundle-pattern> <kind>:<name-pattern> <RIGHTS>");
        }
        int colon = words[1].indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("rule '" + text + "': '" + words[1] + "' is not kind:name-pattern");
        }
        return new GrantRule(Glob.of(words[0]), words[1].substring(0, colon), Glob.of(words[1].substring(colon + 1)),
                Rights.parse(words[2]));
    }

    boolean allows(String bundle, Resource resource, Set<Right> requested) {
        return bundles.matches(bundle) && kind.equals(resource.kind()) && names.matches(resource.name())
                && rights.containsAll(requested);
    }

    @Override
    public String toString() {
        return bundles + " " + kind + ":" + names + " " + rights;
    }
}
