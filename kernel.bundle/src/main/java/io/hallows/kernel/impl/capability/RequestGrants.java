package io.hallows.kernel.impl.capability;

import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.impl.ConfigValues;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;

/**
 * Decides the capability requests bundles declare in their {@code Hallows-Request} header against
 * the policy (PID {@code io.hallows.policy}, property {@code allow}: a list of rules). A request
 * is decided when its bundle is installed and again whenever the policy changes: a denied request
 * leaves the bundle installed without the capability, and the denial is audited and shown by
 * {@code hallows:caps}. Nothing is decided before the policy's first configuration arrives, so a
 * stack's policy applies to the bundles it starts with. A rule that names a location
 * ({@code name@location}) allows only a bundle the stack's own bundles installed from there.
 */
public final class RequestGrants implements ManagedService, SynchronousBundleListener {
    private static final KernelLogger LOG = KernelLog.of(RequestGrants.class);
    private static final String ORIGIN = "request";

    private final BundleContext context;
    private final CapabilityTable table;
    private final AuditJournal audit;
    /** Whether the stack's own bundles installed a bundle, so its location is one the integrator chose. */
    private final Predicate<Bundle> installedByStack;
    private final Map<Long, List<String>> denials = new ConcurrentHashMap<>();
    private volatile GrantPolicy policy;

    public RequestGrants(BundleContext context, CapabilityTable table, AuditJournal audit, Predicate<Bundle> installedByStack) {
        this.context = context;
        this.installedByStack = installedByStack;
        this.table = table;
        this.audit = audit;
    }

    @Override
    public void updated(Dictionary<String, ?> properties) throws ConfigurationException {
        GrantPolicy next;
        try {
            next = properties == null ? GrantPolicy.denyAll()
                    : GrantPolicy.parse(ConfigValues.strings(properties.get("allow")));
        } catch (IllegalArgumentException e) {
            audit.record("config", "config.reject", "policy", e.getMessage());
            LOG.warn("policy: " + e.getMessage() + " — policy rejected, the previous policy stays in force");
            throw new ConfigurationException("allow", e.getMessage());
        }
        synchronized (this) {
            policy = next;
            audit.record("config", "policy", "policy", next.size() + " rule(s) in force");
            for (Bundle b : context.getBundles()) {
                decide(b);
            }
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                synchronized (this) {
                    if (policy != null) {
                        decide(event.getBundle());
                    }
                }
            }
            case BundleEvent.UNINSTALLED -> {
                denials.remove(event.getBundle().getBundleId());
                table.forget(event.getBundle().getBundleId());
            }
            default -> {
            }
        }
    }

    /** The requests of this bundle the policy denied, as sentences. */
    public List<String> denialsOf(long bundleId) {
        return denials.getOrDefault(bundleId, List.of());
    }

    private void decide(Bundle bundle) {
        String header = bundle.getHeaders("").get(KernelConstants.REQUEST_HEADER);
        List<Capability> had = new ArrayList<>(table.heldBy(bundle.getBundleId()).stream()
                .filter(c -> c.origin().equals(ORIGIN)).toList());
        List<String> denied = new ArrayList<>();
        if (header != null) {
            List<CapabilityRequest> requests;
            try {
                requests = CapabilityRequest.parseHeader(header);
            } catch (IllegalArgumentException e) {
                requests = List.of();
                denied.add("malformed " + KernelConstants.REQUEST_HEADER + " header: " + e.getMessage());
                audit.record("policy", "deny", Holders.describe(bundle), denied.get(0));
            }
            for (CapabilityRequest r : requests) {
                String rule = policy.allowedBy(bundle.getSymbolicName(), installedByStack.test(bundle) ? bundle.getLocation() : null,
                        r.resource(), r.rights());
                Capability have = had.stream().filter(c -> c.resource().equals(r.resource()) && c.rights().equals(r.rights()))
                        .findFirst().orElse(null);
                if (rule == null) {
                    String why = r.resource() + " " + r.rights() + ": no policy rule allows it";
                    denied.add(why);
                    audit.record("policy", "deny", Holders.describe(bundle), why);
                } else if (have != null) {
                    had.remove(have);
                } else {
                    table.grant(r.resource(), r.rights(), bundle.getBundleId(), bundle.getSymbolicName(), ORIGIN);
                }
            }
        }
        had.forEach(Capability::revoke);
        if (denied.isEmpty()) {
            denials.remove(bundle.getBundleId());
        } else {
            denials.put(bundle.getBundleId(), List.copyOf(denied));
            LOG.warn(bundle.getSymbolicName() + " [" + bundle.getBundleId() + "] was not granted: "
                    + String.join("; ", denied));
        }
    }
}
