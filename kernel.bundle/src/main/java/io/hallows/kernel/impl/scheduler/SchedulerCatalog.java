package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.function.BiConsumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * The installed scheduling policies: every {@link SchedulerFactory} service, plus the kernel's
 * built-in FIFO. Tells its listener, synchronously, when one arrives or is about to leave — a
 * leaving factory's bundle is still there, so partitions can be switched off it safely.
 */
final class SchedulerCatalog implements ServiceListener, Policies {
    private static final KernelLogger LOG = KernelLog.of(SchedulerCatalog.class);
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String FILTER = "(objectClass=" + SchedulerFactory.class.getName() + ")";

    private final BundleContext context;
    private final SchedulerChoice fifo;
    private final Map<ServiceReference<SchedulerFactory>, SchedulerChoice> installed = new ConcurrentHashMap<>();
    private volatile BiConsumer<SchedulerChoice, Boolean> listener = (c, arrived) -> { };

    SchedulerCatalog(BundleContext context) {
        this.context = context;
        this.fifo = new SchedulerChoice(FifoScheduler.NAME, context.getBundle().getSymbolicName(),
                context.getBundle().getVersion(), "built-in: one FIFO queue; the fallback after a watchdog abort", null);
    }

    /** Starts tracking; {@code onChange} gets (choice, true) on arrival and (choice, false) before departure. */
    void open(BiConsumer<SchedulerChoice, Boolean> onChange) throws InvalidSyntaxException {
        listener = onChange;
        context.addServiceListener(this, FILTER);
        ServiceReference<?>[] refs = context.getAllServiceReferences(SchedulerFactory.class.getName(), null);
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            add(cast(ref));
        }
    }

    void close() {
        context.removeServiceListener(this);
        listener = (c, arrived) -> { };
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<SchedulerFactory> ref = cast(event.getServiceReference());
        switch (event.getType()) {
            case ServiceEvent.REGISTERED, ServiceEvent.MODIFIED -> add(ref);
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> {
                SchedulerChoice gone = installed.remove(ref);
                if (gone != null) {
                    listener.accept(gone, false);
                }
            }
            default -> {
            }
        }
    }

    private void add(ServiceReference<SchedulerFactory> ref) {
        if (ref.getProperty(SchedulerFactory.NAME) == null) {
            LOG.warn("ignoring a scheduler factory of " + ref.getBundle().getSymbolicName() + ": it has no "
                    + SchedulerFactory.NAME + " property");
            return;
        }
        SchedulerChoice choice = SchedulerChoice.of(ref);
        installed.put(ref, choice);
        listener.accept(choice, true);
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<SchedulerFactory> cast(ServiceReference<?> ref) {
        return (ServiceReference<SchedulerFactory>) ref;
    }

    @Override
    public SchedulerChoice fifo() {
        return fifo;
    }

    /** Every policy, the built-in FIFO first, then by name and newest revision first. */
    List<SchedulerChoice> all() {
        List<SchedulerChoice> all = new ArrayList<>(installed.values());
        all.sort(Comparator.comparing(SchedulerChoice::name).thenComparing(SchedulerChoice::version, Comparator.reverseOrder()));
        all.add(0, fifo);
        return all;
    }

    /** The best installed policy matching {@code filter}: the built-in FIFO or a factory's newest revision. */
    Optional<SchedulerChoice> best(Filter filter) {
        SchedulerChoice best = fifo.matches(filter) ? fifo : null;
        for (SchedulerChoice c : installed.values()) {
            if (c.matches(filter) && (best == null || c.betterThan(best))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public SchedulerChoice named(String name) {
        return best(byName(name)).orElse(null);
    }

    /** A filter that matches the policy called {@code name}; IllegalArgumentException if it is no policy name. */
    static Filter byName(String name) {
        if (name == null || !POLICY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a scheduler name (lower case letters, digits, '-')");
        }
        return filter("(" + SchedulerFactory.NAME + "=" + name + ")");
    }

    /** {@code text} as a scheduler filter, or IllegalArgumentException saying why it is not one. */
    static Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid scheduler filter: " + e.getMessage(), e);
        }
    }

    boolean isInstalled(SchedulerChoice choice) {
        return choice.builtIn() || installed.containsKey(choice.reference());
    }

    @Override
    public SchedulerFactory acquire(SchedulerChoice choice) {
        return choice.builtIn() ? FifoScheduler.FACTORY : context.getService(choice.reference());
    }

    @Override
    public void release(SchedulerChoice choice) {
        if (!choice.builtIn()) {
            try {
                context.ungetService(choice.reference());
            } catch (IllegalStateException e) {
                // the kernel is stopping: nothing to release any more
            }
        }
    }
}
