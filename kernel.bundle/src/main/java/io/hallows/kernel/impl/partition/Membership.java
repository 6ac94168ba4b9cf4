package io.hallows.kernel.impl.partition;

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
 * {@code bundles} patterns match its symbolic name. Fragments, the system bundle and the kernel
 * belong to none, whatever the patterns say, so no partition can stop the kernel.
 */
final class Membership {
    private final BundleContext context;
    private final Supplier<Collection<Partition>> partitions;

    Membership(BundleContext context, Supplier<Collection<Partition>> partitions) {
        this.context = context;
        this.partitions = partitions;
    }

    /** The bundles that belong to the partition {@code config} describes, by bundle id. */
    List<Bundle> members(PartitionConfig config) {
        return eligible().filter(b -> config.supervises(b.getSymbolicName()))
                .filter(b -> partitions.get().stream().noneMatch(o -> o.name().compareTo(config.name()) < 0
                        && o.config().supervises(b.getSymbolicName())))
                .toList();
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
