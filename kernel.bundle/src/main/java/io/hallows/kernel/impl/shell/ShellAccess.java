package io.hallows.kernel.impl.shell;

import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.protect.Trust;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;

/**
 * The shell commands are bundle-scoped services: each bundle that gets them is checked here, so a
 * bundle that reaches a command object by any route (for instance through the kernel bundle's
 * {@code getRegisteredServices()}) gets nothing unless it is infrastructure or holds
 * {@code service:kernel.shell} with CALL.
 */
final class ShellAccess {
    private ShellAccess() {
    }

    static void check(Kernel kernel, ComponentContext context) {
        Bundle user = context.getUsingBundle();
        if (!kernel.trust().permits(user, Trust.SHELL)) {
            String who = user == null ? "?" : user.getSymbolicName() + " [" + user.getBundleId() + "]";
            kernel.audit().record("kernel", "deny", who, "use the hallows shell commands: no " + Trust.SHELL + " capability");
            throw new SecurityException(who + " may not use the hallows shell commands (needs " + Trust.SHELL + " CALL)");
        }
    }
}
