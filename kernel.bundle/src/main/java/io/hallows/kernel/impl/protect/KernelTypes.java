package io.hallows.kernel.impl.protect;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.Holders;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * The kernel API's service types are the kernel's alone. Bundles find a partition's
 * {@code PartitionExecutor}, {@code Partitions} or {@code Schedulers} by type and property, so a
 * registration of one of those types by any other bundle — with a higher ranking, the same
 * {@code hallows.partition} — would be handed to them instead of the kernel's. The framework lets
 * no bundle unregister another's service, so {@link ServiceVisibility} hides such a registration
 * from every bundle but its registrant (and the kernel, which uses none), and this listener audits
 * and logs each one. Reserved: every type of {@code io.hallows.kernel.api} and of
 * {@code io.hallows.kernel.spi} except {@code SchedulerFactory}, which scheduling policies
 * register (whether a bundle may provide one is decided where policies are chosen).
 */
public final class KernelTypes implements ServiceListener, AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(KernelTypes.class);
    private static final List<String> PACKAGES = List.of("io.hallows.kernel.api.", "io.hallows.kernel.spi.");
    private static final String OPEN = "io.hallows.kernel.spi.SchedulerFactory";
    private static final String FILTER = "(|(objectClass=io.hallows.kernel.api.*)(objectClass=io.hallows.kernel.spi.*))";

    private final BundleContext kernel;
    private final Trust trust;
    private final AuditJournal audit;
    private final Set<Object> reported = ConcurrentHashMap.newKeySet();

    public KernelTypes(BundleContext kernel, Trust trust, AuditJournal audit) {
        this.kernel = kernel;
        this.trust = trust;
        this.audit = audit;
    }

    /** Whether {@code type} is reserved for the kernel's registrations. */
    public static boolean isReserved(String type) {
        return !OPEN.equals(type) && PACKAGES.stream().anyMatch(p -> type.startsWith(p) && type.indexOf('.', p.length()) < 0);
    }

    /** The reserved types among {@code types}. */
    public static List<String> reserved(String[] types) {
        return types == null ? List.of() : Arrays.stream(types).filter(KernelTypes::isReserved).toList();
    }

    /** Whether any of {@code types} is reserved (no list built: this runs on every lookup and event). */
    static boolean anyReserved(String[] types) {
        if (types != null) {
            for (String type : types) {
                if (isReserved(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A registration of a reserved type made by a bundle other than the kernel. */
    static boolean isImpostor(ServiceReference<?> ref, Trust trust) {
        return anyReserved((String[]) ref.getProperty(Constants.OBJECTCLASS)) && !trust.isKernel(ref.getBundle());
    }

    /** Starts watching, and reports impostors registered before the kernel started. */
    public void open() throws InvalidSyntaxException {
        kernel.addServiceListener(this, FILTER);
        ServiceReference<?>[] existing = kernel.getAllServiceReferences(null, FILTER);
        for (ServiceReference<?> ref : existing == null ? new ServiceReference<?>[0] : existing) {
            report(ref);
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.UNREGISTERING) {
            reported.remove(event.getServiceReference().getProperty(Constants.SERVICE_ID));
        } else {
            report(event.getServiceReference());
        }
    }

    private void report(ServiceReference<?> ref) {
        Bundle owner = ref.getBundle();
        if (owner == null || !isImpostor(ref, trust) || !reported.add(ref.getProperty(Constants.SERVICE_ID))) {
            return;
        }
        TreeMap<String, Object> props = new TreeMap<>();
        for (String key : ref.getPropertyKeys()) {
            if (key.startsWith("hallows.") || key.equals(Constants.SERVICE_RANKING)) {
                props.put(key, ref.getProperty(key));
            }
        }
        String what = "register " + String.join(", ", reserved((String[]) ref.getProperty(Constants.OBJECTCLASS)))
                + (props.isEmpty() ? "" : " " + props) + ": only the kernel registers the kernel API's services;"
                + " hidden from every other bundle";
        audit.record("kernel", "deny", Holders.describe(owner), what);
        LOG.warn(Holders.describe(owner) + " tried to " + what);
    }

    @Override
    public void close() {
        kernel.removeServiceListener(this);
    }
}
