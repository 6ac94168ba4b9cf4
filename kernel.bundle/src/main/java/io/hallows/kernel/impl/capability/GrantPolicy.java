package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides bundles' capability requests ({@code Hallows-Request}): a request is granted when one
 * rule allows all of its rights, and denied as a whole otherwise. With no rules, everything is
 * denied.
 */
public final class GrantPolicy {
    private final List<GrantRule> rules;

    private GrantPolicy(List<GrantRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static GrantPolicy denyAll() {
        return new GrantPolicy(List.of());
    }

    /**
     * @throws IllegalArgumentException naming the first bad rule (1-based) and what is wrong with it
     */
    public static GrantPolicy parse(List<String> ruleTexts) {
        List<GrantRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleTexts.size(); i++) {
            try {
                rules.add(GrantRule.parse(ruleTexts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy rule " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new GrantPolicy(rules);
    }

    /** The rule that allows the request of a bundle the stack did not install, or null if none does. */
    public String allowedBy(String bundle, Resource resource, Set<Right> rights) {
        return allowedBy(bundle, null, resource, rights);
    }

    /**
     * The rule that allows the request, described for the audit log, or null if none does.
     *
     * @param location where the stack's own bundles installed the bundle from, or null if they did not
     */
    public String allowedBy(String bundle, String location, Resource resource, Set<Right> rights) {
        return rules.stream().filter(r -> r.allows(bundle, location, resource, rights)).findFirst().map(GrantRule::toString)
                .orElse(null);
    }

    public int size() {
        return rules.size();
    }
}
