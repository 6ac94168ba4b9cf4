package io.hallows.kernel.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unforgeable token of authority over one kernel object ({@link #resource()}) with a set of
 * {@link #rights()}. Holding the reference is the authority.
 *
 * <p>Capabilities form derivation trees, as in seL4's capability derivation tree: the kernel mints
 * a root for each object; every other capability is derived from a parent and can only carry
 * fewer or equal rights. {@link #revoke()} invalidates a capability and, atomically, every
 * capability derived from it. A revoked capability never becomes valid again.
 *
 * <p>Only the kernel bundle can mint: the constructor is private, and {@link #mint()} hands its
 * minting authority only to classes loaded by the kernel bundle's own class loader. The class is
 * final, neither {@link Cloneable} nor {@link java.io.Serializable}. Code in the same JVM can still
 * break these rules with deep reflection; see the security section of the operator guide.
 *
 * <p>Thread safety: all methods may be called from any thread.
 */
public final class Capability {
    private static final AtomicLong IDS = new AtomicLong();
    private static final Mint MINT = new Mint();

    private final long id;
    private final Resource resource;
    private final Set<Right> rights;
    private final long holderId;
    private final String holderName;
    private final String origin;
    private final Instant created = Instant.now();
    private final Capability parent;
    private final Capability root;
    private final Journal journal;
    private final List<Capability> children = new ArrayList<>(); // guarded by root
    private volatile boolean revoked;

    private Capability(Capability parent, Resource resource, Set<Right> rights, long holderId,
            String holderName, String origin, Journal journal) {
        this.id = IDS.incrementAndGet();
        this.parent = parent;
        this.root = parent == null ? this : parent.root;
        this.resource = resource;
        this.rights = Collections.unmodifiableSet(rights.isEmpty() ? EnumSet.noneOf(Right.class) : EnumSet.copyOf(rights));
        this.holderId = holderId;
        this.holderName = holderName;
        this.origin = origin;
        this.journal = journal;
    }

    /** A number that identifies this capability in audit records and shell output. */
    public long id() {
        return id;
    }

    /** The kernel object this capability names. */
    public Resource resource() {
        return resource;
    }

    /** The rights this capability carries; an unmodifiable set. */
    public Set<Right> rights() {
        return rights;
    }

    /** True if this capability carries {@code right} and has not been revoked. */
    public boolean permits(Right right) {
        return !revoked && rights.contains(right);
    }

    /** The bundle id of the holder; {@code -1} for the kernel's own roots. */
    public long holderId() {
        return holderId;
    }

    /** The holder's symbolic name, {@code kernel} for roots. */
    public String holderName() {
        return holderName;
    }

    /** Why the capability exists: {@code root}, {@code stack:<partition>}, {@code request}, {@code shell}, {@code derive}. */
    public String origin() {
        return origin;
    }

    /** When the kernel minted or derived it. */
    public Instant created() {
        return created;
    }

    /** The id of the capability it was derived from, or 0 for a root. */
    public long parentId() {
        return parent == null ? 0 : parent.id;
    }

    /** False once this capability or any ancestor has been revoked. */
    public boolean isValid() {
        return !revoked;
    }

    /**
     * Derives a child for the same holder with {@code narrowed} rights.
     *
     * @throws IllegalArgumentException if {@code narrowed} holds a right this capability lacks
     * @throws CapabilityRevokedException if this capability has been revoked
     */
    public Capability derive(Set<Right> narrowed) {
        return deriveFor(narrowed, holderId, holderName, "derive");
    }

    /** Revokes this capability and every capability derived from it. Idempotent. */
    public void revoke() {
        List<Capability> gone = new ArrayList<>();
        synchronized (root) {
            Deque<Capability> pending = new ArrayDeque<>();
            pending.push(this);
            while (!pending.isEmpty()) {
                Capability c = pending.pop();
                if (!c.revoked) {
                    c.revoked = true;
                    gone.add(c);
                }
                c.children.forEach(pending::push);
                c.children.clear();
            }
            if (parent != null) {
                parent.children.remove(this);
            }
        }
        gone.forEach(journal::revoked);
    }

    /** @throws CapabilityRevokedException naming this capability if it is no longer valid */
    public void checkValid() {
        if (revoked) {
            throw new CapabilityRevokedException(this);
        }
    }

    @Override
    public String toString() {
        return "#" + id + " " + resource + " " + rights + " held by " + holderName + (revoked ? " (revoked)" : "");
    }

    private Capability deriveFor(Set<Right> narrowed, long holder, String name, String why) {
        if (!rights.containsAll(narrowed)) {
            EnumSet<Right> extra = EnumSet.copyOf(narrowed);
            extra.removeAll(rights);
            throw new IllegalArgumentException("cannot widen capability #" + id + " (" + resource + " " + rights
                    + "): it does not carry " + extra);
        }
        Capability child;
        synchronized (root) {
            checkValid();
            child = new Capability(this, resource, narrowed, holder, name, why, journal);
            children.add(child);
        }
        journal.derived(child);
        return child;
    }

    /**
     * Returns the kernel's minting authority. Only classes of the kernel bundle (same class loader
     * as this class) may call it.
     *
     * @throws SecurityException for any other caller
     */
    public static Mint mint() {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller.getClassLoader() != Capability.class.getClassLoader()) {
            throw new SecurityException("only the Hallows kernel can mint capabilities; refused for " + caller.getName());
        }
        return MINT;
    }

    /** Receives every derivation and revocation in a tree, for the audit log. Kernel use only. */
    public interface Journal {
        /** Called after {@code child} was derived. */
        void derived(Capability child);

        /** Called after {@code capability} was revoked, once per capability. */
        void revoked(Capability capability);
    }

    /** The kernel's minting authority; obtained through {@link Capability#mint()}. */
    public static final class Mint {
        private Mint() {
        }

        /** Mints the root capability of {@code resource}, held by the kernel, with {@code rights}. */
        public Capability root(Resource resource, Set<Right> rights, Journal journal) {
            Capability root = new Capability(null, resource, rights, -1, "kernel", "root", journal);
            journal.derived(root);
            return root;
        }

        /**
         * Derives from {@code parent} a capability held by another holder (a grant). Unlike
         * {@link Capability#derive}, the holder changes; rights still only narrow.
         */
        public Capability grant(Capability parent, Set<Right> rights, long holderId, String holderName, String origin) {
            return parent.deriveFor(rights, holderId, holderName, origin);
        }
    }
}
