package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;

/**
 * The installed scheduling policies: the {@link SchedulerFactory} services whose bundles may
 * provide them ({@link PolicyProviders}), plus the kernel's built-in FIFO. A factory refused is
 * audited ({@code scheduler.refused}, naming its bundle's id and location) and ignored: never
 * acquired, never listed; it is decided again when capabilities change or a bundle is
 * uninstalled. Tells its listener, synchronously, when a policy becomes usable or is about to stop
 * being so — a leaving factory's bundle is still there, so partitions can be switched off it safely.
 */
final class SchedulerCatalog implements ServiceListener, SynchronousBundleListener, Policies {
    private static final KernelLogger LOG = KernelLog.of(SchedulerCatalog.class);
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String FILTER = "(objectClass=" + SchedulerFactory.class.getName() + ")";

    private final BundleContext context;
    private final AuditJournal audit;
    private final SchedulerChoice fifo;
    private final PolicyProviders providers;
    /** Every named factory service, in registration order; guarded by {@code this}. */
    private final Map<ServiceReference<SchedulerFactory>, SchedulerChoice> offered = new TreeMap<>(
            Comparator.comparingLong(SchedulerCatalog::serviceId));
    /** The accepted ones: read without the lock. */
    private final Map<ServiceReference<SchedulerFactory>, SchedulerChoice> installed = new ConcurrentHashMap<>();
    /** The refused ones, with the reason; written under {@code this}. */
    private final Map<ServiceReference<SchedulerFactory>, RefusedPolicy> refused = new ConcurrentHashMap<>();
    private volatile BiConsumer<SchedulerChoice, Boolean> listener = (c, arrived) -> { };

    /** @param authority whether a bundle may provide the policy of that name (see {@link PolicyProviders}) */
    SchedulerCatalog(BundleContext context, AuditJournal audit, BiPredicate<Bundle, String> authority) {
        this.context = context;
        this.audit = audit;
        this.providers = new PolicyProviders(authority, context::getBundle);
        this.fifo = new SchedulerChoice(FifoScheduler.NAME, context.getBundle().getSymbolicName(),
                context.getBundle().getVersion(), "built-in: one FIFO queue; the fallback after a watchdog abort", null);
    }

    /** Starts tracking; {@code onChange} gets (choice, true) on arrival and (choice, false) before departure. */
    void open(BiConsumer<SchedulerChoice, Boolean> onChange) throws InvalidSyntaxException {
        listener = onChange;
        context.addBundleListener(this);
        context.addServiceListener(this, FILTER);
        ServiceReference<?>[] refs = context.getAllServiceReferences(SchedulerFactory.class.getName(), null);
        List<ServiceReference<SchedulerFactory>> present = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            present.add(cast(ref));
        }
        present.sort(Comparator.comparingLong(SchedulerCatalog::serviceId)); // the earliest registration claims a name
        present.forEach(this::add);
    }

    void close() {
        context.removeServiceListener(this);
        context.removeBundleListener(this);
        listener = (c, arrived) -> { };
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<SchedulerFactory> ref = cast(event.getServiceReference());
        switch (event.getType()) {
            case ServiceEvent.REGISTERED, ServiceEvent.MODIFIED -> add(ref);
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> {
                SchedulerChoice gone;
                synchronized (this) {
                    offered.remove(ref);
                    refused.remove(ref);
                    gone = installed.remove(ref);
                }
                if (gone != null) {
                    listener.accept(gone, false);
                }
            }
            default -> {
            }
        }
    }

    /** An uninstalled bundle's claims end: another bundle with the authority may now provide its policies. */
    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            synchronized (this) {
                providers.forget(event.getBundle().getBundleId());
            }
            reconsider();
        }
    }

    private void add(ServiceReference<SchedulerFactory> ref) {
        if (ref.getBundle() == null) {
            return; // unregistered meanwhile
        }
        if (ref.getProperty(SchedulerFactory.NAME) == null) {
            LOG.warn("ignoring a scheduler factory of " + Provenance.of(ref.getBundle()) + ": it has no "
                    + SchedulerFactory.NAME + " property");
            return;
        }
        SchedulerChoice choice = SchedulerChoice.of(ref);
        String why;
        synchronized (this) {
            SchedulerChoice before = offered.put(ref, choice);
            if (before != null) { // MODIFIED: its properties (perhaps its name) changed; decide it afresh
                installed.remove(ref);
                refused.remove(ref);
            }
            why = decide(ref, choice);
        }
        if (why == null) {
            listener.accept(choice, true);
        }
    }

    /**
     * Decides every factory again (a capability was granted or revoked, a bundle uninstalled):
     * newly refused ones are treated as leaving, newly accepted ones as arriving.
     */
    void reconsider() {
        List<SchedulerChoice> leaving = new ArrayList<>();
        List<SchedulerChoice> arriving = new ArrayList<>();
        synchronized (this) {
            providers.forgetLapsedClaims();
            for (Map.Entry<ServiceReference<SchedulerFactory>, SchedulerChoice> e : offered.entrySet()) {
                boolean was = installed.containsKey(e.getKey());
                installed.remove(e.getKey());
                RefusedPolicy before = refused.remove(e.getKey());
                String why = decide(e.getKey(), e.getValue(), before == null ? null : before.reason());
                if (was && why != null) {
                    leaving.add(e.getValue());
                } else if (!was && why == null) {
                    arriving.add(e.getValue());
                }
            }
        }
        leaving.forEach(c -> listener.accept(c, false));
        arriving.forEach(c -> listener.accept(c, true));
    }

    private String decide(ServiceReference<SchedulerFactory> ref, SchedulerChoice choice) {
        return decide(ref, choice, null);
    }

    /** Accepts or refuses one factory; a refusal is audited and logged unless it was already refused for that reason. */
    private String decide(ServiceReference<SchedulerFactory> ref, SchedulerChoice choice, String refusedBefore) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return "it is being unregistered";
        }
        String why = providers.refusal(bundle, choice.name());
        if (why == null) {
            installed.put(ref, choice);
            return null;
        }
        String provider = Provenance.of(bundle);
        refused.put(ref, new RefusedPolicy(choice.name(), choice.version().toString(), provider, why));
        if (!why.equals(refusedBefore)) {
            String line = "scheduler factory '" + choice.name() + "' " + choice.version() + " of " + provider + " refused: " + why;
            audit.record("kernel", "scheduler.refused", choice.name(), line);
            LOG.warn(line + "; it is ignored");
        }
        return why;
    }

    /** The factories refused now, with the reason, by name. */
    List<RefusedPolicy> refused() {
        List<RefusedPolicy> all = new ArrayList<>(refused.values());
        all.sort(Comparator.comparing(RefusedPolicy::name).thenComparing(RefusedPolicy::provider));
        return all;
    }

    private static long serviceId(ServiceReference<?> ref) {
        Object id = ref.getProperty(Constants.SERVICE_ID);
        return id instanceof Long l ? l : Long.MAX_VALUE;
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

    /** The factory of an accepted policy; null for one refused or gone, which is never used. */
    @Override
    public SchedulerFactory acquire(SchedulerChoice choice) {
        if (choice.builtIn()) {
            return FifoScheduler.FACTORY;
        }
        return installed.containsKey(choice.reference()) ? context.getService(choice.reference()) : null;
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
