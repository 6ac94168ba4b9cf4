package io.hallows.kernel.impl.shell;

import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.capability.RequestGrants;
import io.hallows.kernel.impl.capability.Rights;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.component.ComponentContext;

/** Operator commands on capabilities and the audit log, in the Gogo scope {@code hallows}. */
@Component(service = CapabilityCommands.class, scope = ServiceScope.BUNDLE, property = {
    "osgi.command.scope=hallows",
    "osgi.command.function=caps", "osgi.command.function=grant", "osgi.command.function=revoke",
    "osgi.command.function=audit"})
public final class CapabilityCommands {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Kernel kernel;
    private final BundleContext context;

    @Activate
    public CapabilityCommands(@Reference(target = Kernel.TARGET) Kernel kernel,
            BundleContext context, ComponentContext component) {
        ShellAccess.check(kernel, component);
        this.kernel = kernel;
        this.context = context;
    }

    @Descriptor("list every valid capability")
    public String caps() {
        return table(kernel.capabilities().all());
    }

    @Descriptor("list the capabilities a bundle holds, and its denied requests")
    public String caps(@Descriptor("bundle id or symbolic name") String bundle) {
        Bundle b = bundle(bundle);
        StringBuilder out = new StringBuilder(table(kernel.capabilities().heldBy(b.getBundleId())));
        RequestGrants requests = kernel.requests();
        for (String denial : requests.denialsOf(b.getBundleId())) {
            out.append("denied: ").append(denial).append('\n');
        }
        return out.toString();
    }

    @Descriptor("grant a bundle a capability, derived from the kernel's root")
    public String grant(@Descriptor("bundle id or symbolic name") String bundle,
            @Descriptor("resource, kind:name, e.g. service:greeter") String resource,
            @Descriptor("rights, e.g. CALL or CALL,READ") String rights) {
        Bundle b = bundle(bundle);
        Set<Right> parsed = Rights.parse(rights);
        Capability cap = kernel.capabilities().grant(Resource.parse(resource), parsed, b.getBundleId(), b.getSymbolicName(), "shell");
        return "granted " + cap;
    }

    @Descriptor("revoke a capability and every capability derived from it")
    public String revoke(@Descriptor("capability id, as shown by caps") long id) {
        Capability cap = kernel.capabilities().byId(id)
                .orElseThrow(() -> new IllegalArgumentException("no valid capability #" + id + " (see hallows:caps)"));
        kernel.audit().record("shell", "revoke", "cap #" + id, "operator revoked " + cap.resource() + " of " + cap.holderName());
        cap.revoke();
        return "revoked #" + id + " " + cap.resource() + " of " + cap.holderName();
    }

    @Descriptor("show the newest 20 audit entries")
    public String audit() {
        return audit(20);
    }

    @Descriptor("show the newest audit entries")
    public String audit(@Descriptor("how many") int count) {
        List<AuditEntry> entries = kernel.audit().recent(count);
        Table table = new Table("SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "DETAIL");
        for (AuditEntry e : entries) {
            table.row(e.sequence(), TIME.format(e.time()), e.actor(), e.action(), e.target(), e.detail());
        }
        return table.toString();
    }

    private static String table(List<Capability> caps) {
        Table table = new Table("ID", "RESOURCE", "RIGHTS", "HOLDER", "ORIGIN", "FROM");
        for (Capability c : caps) {
            table.row("#" + c.id(), c.resource(), String.join(",", c.rights().stream().map(Enum::name).toList()),
                    c.holderName() + (c.holderId() >= 0 ? "[" + c.holderId() + "]" : ""), c.origin(),
                    c.parentId() == 0 ? "-" : "#" + c.parentId());
        }
        return table.isEmpty() ? "no capabilities\n" : table.toString();
    }

    private Bundle bundle(String idOrName) {
        if (idOrName.chars().allMatch(Character::isDigit)) {
            Bundle b = context.getBundle(Long.parseLong(idOrName));
            if (b != null) {
                return b;
            }
        }
        return Arrays.stream(context.getBundles()).filter(b -> idOrName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundle '" + idOrName + "'"));
    }
}
