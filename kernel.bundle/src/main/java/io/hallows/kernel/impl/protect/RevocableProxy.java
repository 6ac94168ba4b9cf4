package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.CapabilityRevokedException;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The per-holder proxy of a protected service. Each call checks that the holder still has a
 * valid capability with CALL; once it has none, the call fails with a
 * {@link CapabilityRevokedException} naming the capability it last used. Once the provider has
 * unregistered the service, calls fail with an {@link IllegalStateException}.
 */
final class RevocableProxy implements InvocationHandler {
    private final CapabilityTable table;
    private final AuditJournal audit;
    private final long holder;
    private final ProxyFactory origin;
    private final Object view;
    private final Object target;
    private volatile Capability current;

    /**
     * @param view what calls go to: the original, or its view for this holder
     * @param target the original as the kernel obtained it, released when the holder lets go
     */
    RevocableProxy(CapabilityTable table, AuditJournal audit, Capability granted, ProxyFactory origin, Object view, Object target) {
        this.table = table;
        this.audit = audit;
        this.holder = granted.holderId();
        this.origin = origin;
        this.view = view;
        this.target = target;
        this.current = granted;
    }

    Object target() {
        return target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "hallows proxy of " + origin.resource() + " for " + current.holderName();
            };
        }
        Capability cap = current;
        if (!cap.permits(Right.CALL)) {
            Capability replacement = table.find(holder, origin.resource(), Right.CALL).orElse(null);
            if (replacement == null) {
                audit.record("kernel", "deny", cap.holderName(), "call " + origin.resource() + "." + method.getName()
                        + ": capability #" + cap.id() + " was revoked");
                throw new CapabilityRevokedException(cap);
            }
            current = replacement;
        }
        if (origin.isWithdrawn()) {
            throw new IllegalStateException(origin.resource() + " was unregistered by its provider");
        }
        try {
            return method.invoke(view, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
