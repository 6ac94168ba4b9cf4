package io.hallows.kernel.impl.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** One protected service's proxies: one per holder, on the holder's own instance or view of the original. */
class ProxyFactoryTest {
    private static KernelFixture kernel;

    @BeforeAll
    static void launch() throws Exception {
        kernel = new KernelFixture();
    }

    @AfterAll
    static void shutDown() throws Exception {
        kernel.close();
    }

    private static ServiceReference<?> offer(Bundle provider, String name, Object service) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, name);
        return provider.getBundleContext().registerService(Supplier.class.getName(), service, props).getReference();
    }

    private static ProxyFactory factoryFor(ServiceReference<?> original, String name) {
        return new ProxyFactory(kernel.kernelContext(), kernel.table, kernel.audit, original, Resource.service(name), List.of(Supplier.class));
    }

    @SuppressWarnings("unchecked")
    private static Supplier<String> proxyFor(ProxyFactory factory, Bundle holder) {
        return (Supplier<String>) factory.getService(holder, null);
    }

    @Test
    void aBundleWithoutTheCapabilityGetsNothing() throws Exception {
        Bundle provider = kernel.felix.start("test.pf.provider");
        Bundle outsider = kernel.felix.start("test.pf.outsider");
        ProxyFactory factory = factoryFor(offer(provider, "vault", (Supplier<String>) () -> "gold"), "vault");
        assertNull(factory.getService(outsider, null));
        assertTrue(kernel.audited("deny", "get service:vault: no capability with CALL"));
    }

    @Test
    void eachHolderGetsItsOwnInstanceOfAPrototypeAndReleasingTheProxyReleasesIt() throws Exception {
        Bundle provider = kernel.felix.start("test.pf.proto.provider");
        Bundle first = kernel.felix.start("test.pf.proto.first");
        Bundle second = kernel.felix.start("test.pf.proto.second");
        AtomicInteger made = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        ProxyFactory factory = factoryFor(offer(provider, "counter", new PrototypeServiceFactory<Supplier<String>>() {
            @Override
            public Supplier<String> getService(Bundle bundle, ServiceRegistration<Supplier<String>> registration) {
                int number = made.incrementAndGet();
                return () -> "instance " + number;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Supplier<String>> registration, Supplier<String> service) {
                released.incrementAndGet();
            }
        }), "counter");
        kernel.grant(first, Resource.service("counter"), Right.CALL);
        kernel.grant(second, Resource.service("counter"), Right.CALL);

        Supplier<String> a = proxyFor(factory, first);
        Supplier<String> b = proxyFor(factory, second);
        assertNotEquals(a.get(), b.get(), "each holder calls its own instance");
        assertEquals(2, made.get());

        factory.ungetService(first, null, a);
        assertEquals(1, released.get(), "the kernel lets go of the instance the holder let go of");
    }

    @Test
    void aPerHolderServiceAnswersEachHolderThroughItsOwnView() throws Exception {
        Bundle provider = kernel.felix.start("test.pf.view.provider");
        Bundle holder = kernel.felix.start("test.pf.view.holder");
        ProxyFactory factory = factoryFor(offer(provider, "viewed", new Viewed()), "viewed");
        kernel.grant(holder, Resource.service("viewed"), Right.CALL);
        assertEquals("view for test.pf.view.holder", proxyFor(factory, holder).get());
    }

    /** A service whose answer depends on who holds it, as the kernel's Partitions service does. */
    private static final class Viewed implements Supplier<String>, PerHolder<Supplier<String>> {
        @Override
        public String get() {
            return "no view";
        }

        @Override
        public Supplier<String> forHolder(Bundle holder) {
            return () -> "view for " + holder.getSymbolicName();
        }
    }
}
