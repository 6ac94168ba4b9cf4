package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The kernel's record of who holds what: a root capability per resource (held by the kernel,
 * with every right) and, per bundle, the capabilities granted to it. Every change is audited.
 */
public final class CapabilityTable implements Capability.Journal {
    private final Capability.Mint mint = Capability.mint();
    private final AuditJournal audit;
    private final Map<Resource, Capability> roots = new ConcurrentHashMap<>();
    private final Map<Long, List<Capability>> held = new ConcurrentHashMap<>();
    private final Map<Long, Capability> byId = new ConcurrentHashMap<>();
    private volatile Consumer<Capability> onChange = c -> { };

    public CapabilityTable(AuditJournal audit) {
        this.audit = audit;
    }

    /** Called after a capability was granted to a holder or revoked, once the table shows it. */
    public void onChange(Consumer<Capability> listener) {
        this.onChange = listener;
    }

    /** The kernel's root capability for {@code resource}, minted on first use. */
    public Capability root(Resource resource) {
        return roots.computeIfAbsent(resource, r -> mint.root(r, EnumSet.allOf(Right.class), this));
    }

    /**
     * Grants {@code holder} a capability on {@code resource} derived from the root.
     *
     * @param origin why: {@code stack:<partition>}, {@code request}, {@code shell}
     */
    public Capability grant(Resource resource, Set<Right> rights, long holderId, String holderName, String origin) {
        return grantFrom(root(resource), rights, holderId, holderName, origin);
    }

    /** Grants {@code holder} a capability derived from {@code parent} (rights can only narrow). */
    public Capability grantFrom(Capability parent, Set<Right> rights, long holderId, String holderName, String origin) {
        Capability granted = mint.grant(parent, rights, holderId, holderName, origin);
        held.computeIfAbsent(holderId, id -> new CopyOnWriteArrayList<>()).add(granted);
        onChange.accept(granted);
        return granted;
    }

    /** A valid capability held by the bundle on {@code resource} carrying {@code right}. */
    public Optional<Capability> find(long holderId, Resource resource, Right right) {
        List<Capability> caps = held.get(holderId);
        if (caps == null) {
            return Optional.empty();
        }
        for (Capability c : caps) {
            if (c.resource().equals(resource) && c.permits(right)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The valid capabilities held by the bundle, in grant order. */
    public List<Capability> heldBy(long holderId) {
        return List.copyOf(held.getOrDefault(holderId, List.of()));
    }

    /** Every valid capability, roots included, ordered by id. */
    public List<Capability> all() {
        List<Capability> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(Capability::id));
        return all;
    }

    public Optional<Capability> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether this capability was issued by this table and is still valid (not forged, not stale). */
    public boolean isLive(Capability capability) {
        return capability != null && byId.get(capability.id()) == capability && capability.isValid();
    }

    /** Revokes every granted (non-root) capability that matches. */
    public int revokeWhere(Predicate<Capability> which) {
        List<Capability> victims = byId.values().stream().filter(c -> c.holderId() >= 0).filter(which).toList();
        victims.forEach(Capability::revoke);
        return victims.size();
    }

    /** Revokes every root, and with them every capability (the kernel is stopping). */
    public void revokeAll() {
        List.copyOf(roots.values()).forEach(Capability::revoke);
    }

    /** Forgets a bundle that was uninstalled: its capabilities are revoked. */
    public void forget(long holderId) {
        heldBy(holderId).forEach(Capability::revoke);
        held.remove(holderId);
    }

    @Override
    public void derived(Capability c) {
        byId.put(c.id(), c);
        String actor = switch (c.origin()) {
            case "root" -> "kernel";
            case "derive" -> c.holderName();
            default -> c.origin();
        };
        String action = switch (c.origin()) {
            case "root" -> "mint";
            case "derive" -> "derive";
            default -> "grant";
        };
        audit.record(actor, action, "cap #" + c.id(), c.resource() + " " + c.rights() + " to " + c.holderName()
                + (c.holderId() >= 0 ? " [#" + c.holderId() + "]" : "") + (c.parentId() == 0 ? "" : " (from #" + c.parentId() + ")"));
    }

    @Override
    public void revoked(Capability c) {
        byId.remove(c.id(), c);
        if (c.parentId() == 0) {
            roots.remove(c.resource(), c);
        }
        List<Capability> caps = held.get(c.holderId());
        if (caps != null) {
            caps.remove(c);
        }
        audit.record("kernel", "revoke", "cap #" + c.id(), c.resource() + " " + c.rights() + " of " + c.holderName());
        onChange.accept(c);
    }
}
