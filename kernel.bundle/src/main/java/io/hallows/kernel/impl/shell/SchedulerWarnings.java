package io.hallows.kernel.impl.shell;

import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Partitions whose scheduler filter matches no installed policy. Such a partition runs on the
 * built-in {@code fifo} until a matching policy arrives, which is allowed (a policy bundle may come
 * later) but is most often a misspelt name: the ready line's warnings and {@code hallows:partitions}
 * say so.
 */
public final class SchedulerWarnings {
    private SchedulerWarnings() {
    }

    /** One warning per partition whose filter matches no installed policy. */
    public static List<String> of(List<PartitionStatus> partitions, List<SchedulerInfo> installed, BundleContext context) {
        Set<String> names = new TreeSet<>(installed.stream().map(SchedulerInfo::name).toList());
        names.add("fifo");
        List<String> warnings = new ArrayList<>();
        Map<String, Boolean> matched = new HashMap<>(); // a large stack repeats a few filters
        for (PartitionStatus p : partitions) {
            if (!matched.computeIfAbsent(p.scheduler(), f -> matchesAny(f, names, context))) {
                warnings.add("partition '" + p.name() + "': scheduler " + p.scheduler() + " matches no installed scheduler"
                        + " (installed: " + String.join(", ", names) + "); it runs on fifo until one that matches is installed");
            }
        }
        return warnings;
    }

    private static boolean matchesAny(String filterText, Set<String> names, BundleContext context) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return false; // validation rejects such a filter; nothing matches it
        }
        Hashtable<String, Object> builtIn = new Hashtable<>();
        builtIn.put(SchedulerFactory.NAME, "fifo");
        if (filter.match(builtIn)) {
            return true;
        }
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(SchedulerFactory.class.getName(), filterText);
            if (refs != null) {
                for (ServiceReference<?> ref : refs) {
                    if (names.contains(String.valueOf(ref.getProperty(SchedulerFactory.NAME)))) {
                        return true;
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return false;
    }
}
