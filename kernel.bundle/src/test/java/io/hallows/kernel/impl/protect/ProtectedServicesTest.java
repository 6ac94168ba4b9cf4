package io.hallows.kernel.impl.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.CapabilityRevokedException;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;

/** Protected services end to end: hidden from non-holders, a revocable proxy for holders. */
class ProtectedServicesTest {
    private static KernelFixture kernel;
    private static ProtectedServices protectedServices;

    @BeforeAll
    static void launch() throws Exception {
        kernel = new KernelFixture();
        ServiceVisibility visibility = new ServiceVisibility(kernel.trust, kernel.audit);
        kernel.kernelContext().registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                visibility, null);
        protectedServices = new ProtectedServices(kernel.kernelContext(), kernel.table, kernel.audit, kernel.trust::isInfrastructure);
        kernel.table.onChange(c -> {
            visibility.forget(c.holderId());
            protectedServices.capabilityChanged(c);
        });
        protectedServices.open();
    }

    @AfterAll
    static void shutDown() throws Exception {
        protectedServices.close();
        kernel.close();
    }

    private static ServiceRegistration<?> offer(Bundle provider, String name, Supplier<String> service) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, name);
        return provider.getBundleContext().registerService(Supplier.class.getName(), service, props);
    }

    @SuppressWarnings("unchecked")
    private static Supplier<String> lookUp(Bundle viewer, String name) throws Exception {
        ServiceReference<?>[] refs = viewer.getBundleContext().getServiceReferences(Supplier.class.getName(),
                "(" + KernelConstants.PROTECTED + "=" + name + ")");
        return refs == null ? null : (Supplier<String>) viewer.getBundleContext().getService(refs[0]);
    }

    @Test
    void aHiddenServiceIsInvisibleToANonHolderAndAProxyToAHolder() throws Exception {
        Bundle provider = kernel.felix.start("test.ps.provider");
        Bundle holder = kernel.felix.start("test.ps.holder");
        Bundle stranger = kernel.felix.start("test.ps.stranger");
        Supplier<String> original = () -> "hello";
        offer(provider, "greeter", original);
        kernel.grant(holder, Resource.service("greeter"), Right.CALL);

        assertNull(lookUp(stranger, "greeter"));
        Supplier<String> proxy = lookUp(holder, "greeter");
        assertNotSame(original, proxy);
        assertEquals("hello", proxy.get());
        assertTrue(kernel.audited("use", "service:greeter through cap #"));
    }

    @Test
    void revokingTheCapabilityMakesTheNextCallFail() throws Exception {
        Bundle provider = kernel.felix.start("test.ps.clock.provider");
        Bundle holder = kernel.felix.start("test.ps.clock.holder");
        offer(provider, "clock", () -> "noon");
        Capability cap = kernel.grant(holder, Resource.service("clock"), Right.CALL);
        Supplier<String> proxy = lookUp(holder, "clock");
        assertEquals("noon", proxy.get());

        cap.revoke();
        CapabilityRevokedException e = assertThrows(CapabilityRevokedException.class, proxy::get);
        assertEquals(cap.id(), e.capabilityId());
        assertTrue(kernel.audited("deny", "call service:clock.get: capability #" + cap.id() + " was revoked"));
    }

    @Test
    void aGrantReannouncesTheProxySoAWaitingHolderFindsItWithoutPolling() throws Exception {
        Bundle provider = kernel.felix.start("test.ps.news.provider");
        Bundle holder = kernel.felix.start("test.ps.news.holder");
        CountDownLatch announced = new CountDownLatch(1);
        holder.getBundleContext().addServiceListener(event -> {
            if (event.getType() == ServiceEvent.MODIFIED) {
                announced.countDown();
            }
        }, "(" + KernelConstants.PROTECTED + "=news)");
        offer(provider, "news", () -> "extra");
        assertNull(lookUp(holder, "news"));

        kernel.grant(holder, Resource.service("news"), Right.CALL);
        assertTrue(announced.await(10, TimeUnit.SECONDS), "the holder hears of the proxy once it may see it");
        assertEquals("extra", lookUp(holder, "news").get());
    }

    @Test
    void whenTheProviderWithdrawsItsServiceTheProxyGoesAndItsCallsFail() throws Exception {
        Bundle provider = kernel.felix.start("test.ps.tide.provider");
        Bundle holder = kernel.felix.start("test.ps.tide.holder");
        ServiceRegistration<?> registration = offer(provider, "tide", () -> "high");
        kernel.grant(holder, Resource.service("tide"), Right.CALL);
        Supplier<String> proxy = lookUp(holder, "tide");

        registration.unregister();
        IllegalStateException e = assertThrows(IllegalStateException.class, proxy::get);
        assertEquals("service:tide was unregistered by its provider", e.getMessage());
        assertNull(lookUp(holder, "tide"));
    }

    @Test
    void kernelNamesAndClassRegistrationsCannotBeProtected() throws Exception {
        Bundle provider = kernel.felix.start("test.ps.squatter");
        Bundle holder = kernel.felix.start("test.ps.squatter.holder");
        kernel.grant(holder, Resource.service("kernel.fake"), Right.CALL);
        offer(provider, "kernel.fake", () -> "mine");
        assertNull(lookUp(holder, "kernel.fake"));
        assertTrue(kernel.audited("deny", "protect kernel.fake: names under 'kernel.' are reserved for the kernel"));

        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, "plain");
        provider.getBundleContext().registerService(Object.class.getName(), new Object(), props);
        assertTrue(kernel.audited("deny", "protect plain: java.lang.Object is a class; only interfaces can be protected"));
    }

    @Test
    void aProtectedServiceOfAKernelApiTypeFromAnotherBundleIsNotProxied() throws Exception {
        Bundle provider = kernel.felix.start("test.ps.logbook");
        Bundle holder = kernel.felix.start("test.ps.logbook.holder");
        kernel.grant(holder, Resource.service("logbook"), Right.CALL);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, "logbook");
        provider.getBundleContext().registerService("io.hallows.kernel.api.AuditLog", KernelFixture.anyType(), props);
        assertNull(holder.getBundleContext().getServiceReferences("io.hallows.kernel.api.AuditLog", null), "no proxy of it");
        assertTrue(kernel.audited("deny", "protect logbook: the kernel API's types [io.hallows.kernel.api.AuditLog] are reserved"));
    }
}
