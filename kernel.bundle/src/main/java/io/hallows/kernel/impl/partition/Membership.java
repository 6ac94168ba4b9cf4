package io.hallows.kernel.impl.partition;

import io.hallows.kernel.impl.protect.Trust;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Which partition each installed bundle belongs to: the first partition, by name, whose
 * {@code bundles} patterns match its symbolic name and that admits the bundle. A symbolic name is
 * the bundle's own claim, so it only sorts bundles into partitions; admission rests on how the
 * bundle was installed ({@link Trust}): a bundle installed with the stack is admitted by its name,
 * a later one only if the stack's own bundles installed it from a location the partition's
 * {@code locations} patterns match. Fragments, the system bundle and the kernel belong to none,
 * whatever the patterns say, so no partition can stop the kernel.
 */
final class Membership {
    private final BundleContext context;
    private final Supplier<Collection<Partition>> partitions;
    private final Trust trust;

    Membership(BundleContext context, Supplier<Collection<Partition>> partitions, Trust trust) {
        this.context = context;
        this.partitions = partitions;
        this.trust = trust;
    }

    /** The bundles that belong to the partition {@code config} describes, by bundle id. */
    List<Bundle> members(PartitionConfig config) {
        return eligible().filter(b -> belongs(config, b))
                .filter(b -> partitions.get().stream().noneMatch(o -> o.name().compareTo(config.name()) < 0
                        && belongs(o.config(), b)))
                .toList();
    }

    /** Its name matches the partition's patterns and the partition admits how it was installed. */
    boolean belongs(PartitionConfig config, Bundle b) {
        return config.supervises(b.getSymbolicName()) && admits(config, b);
    }

    /** The stack's own bundles, or a later one the stack installed from a location the partition names. */
    boolean admits(PartitionConfig config, Bundle b) {
        return trust.isStackBundle(b) || (trust.installedByStack(b) && config.admitsLocation(b.getLocation()));
    }

    /** Which partition owns each supervised bundle, by bundle id. */
    Map<Long, Partition> owners() {
        Map<Long, Partition> owners = new HashMap<>();
        for (Partition p : partitions.get()) {
            members(p.config()).forEach(b -> owners.put(b.getBundleId(), p));
        }
        return owners;
    }

    /** The installed bundle with this id, or null. */
    Bundle bundle(long id) {
        return context.getBundle(id);
    }

    private java.util.stream.Stream<Bundle> eligible() {
        long kernel = context.getBundle().getBundleId();
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getBundleId() != 0 && b.getBundleId() != kernel)
                .filter(b -> b.getHeaders("").get(Constants.FRAGMENT_HOST) == null)
                .sorted(Comparator.comparingLong(Bundle::getBundleId));
    }
}
