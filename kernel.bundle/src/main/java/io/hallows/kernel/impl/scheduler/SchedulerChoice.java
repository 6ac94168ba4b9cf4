package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.SchedulerFactory;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * One installed policy: a factory service (or the kernel's built-in FIFO, which has no reference).
 *
 * @param name the policy's name
 * @param bundle the providing bundle's symbolic name
 * @param version the providing bundle's version
 * @param description one line shown to operators
 * @param reference the factory's service, or null for the built-in FIFO
 */
record SchedulerChoice(String name, String bundle, Version version, String description,
        ServiceReference<SchedulerFactory> reference) {

    /** How operators see it: {@code keyed@1.0.0}. */
    String label() {
        return name + "@" + version;
    }

    boolean builtIn() {
        return reference == null && FifoScheduler.NAME.equals(name);
    }

    boolean matches(Filter filter) {
        if (reference != null) {
            return filter.match(reference);
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SchedulerFactory.NAME, name);
        return filter.match(props);
    }

    static SchedulerChoice of(ServiceReference<SchedulerFactory> ref) {
        Object name = ref.getProperty(SchedulerFactory.NAME);
        Object description = ref.getProperty(SchedulerFactory.DESCRIPTION);
        return new SchedulerChoice(String.valueOf(name), ref.getBundle().getSymbolicName(), ref.getBundle().getVersion(),
                description == null ? "" : description.toString(), ref);
    }

    /** Better means: a higher bundle version, then the framework's own ranking order. */
    boolean betterThan(SchedulerChoice other) {
        int byVersion = version.compareTo(other.version);
        if (byVersion != 0) {
            return byVersion > 0;
        }
        if (reference == null || other.reference == null) {
            return other.reference == null && reference != null;
        }
        return reference.compareTo(other.reference) > 0;
    }
}
