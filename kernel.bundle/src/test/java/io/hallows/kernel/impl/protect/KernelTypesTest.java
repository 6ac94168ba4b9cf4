package io.hallows.kernel.impl.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;

/** Registrations of the kernel API's types by other bundles: hidden from everyone else, and audited. */
class KernelTypesTest {
    private static final String EXECUTOR = "io.hallows.kernel.api.PartitionExecutor";
    private static KernelFixture kernel;
    private static KernelTypes types;

    @BeforeAll
    static void launch() throws Exception {
        kernel = new KernelFixture();
        kernel.kernelContext().registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new ServiceVisibility(kernel.trust, kernel.audit), null);
        types = new KernelTypes(kernel.kernelContext(), kernel.trust, kernel.audit);
        types.open();
    }

    @AfterAll
    static void shutDown() throws Exception {
        types.close();
        kernel.close();
    }

    private static void register(Bundle owner, String type, Object... keysAndValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i].toString(), keysAndValues[i + 1]);
        }
        owner.getBundleContext().registerService(type, KernelFixture.anyType(), props);
    }

    private static List<Long> owners(Bundle viewer, String type, String filter) throws Exception {
        ServiceReference<?>[] refs = viewer.getBundleContext().getServiceReferences(type, filter);
        return refs == null ? List.of() : java.util.Arrays.stream(refs).map(r -> r.getBundle().getBundleId()).toList();
    }

    @Test
    void onlyTheKernelsExecutorIsFoundHoweverHighTheImpostorRanks() throws Exception {
        Bundle member = kernel.felix.start("test.types.member");
        Bundle impostor = kernel.felix.start("test.types.impostor");
        List<String> events = new CopyOnWriteArrayList<>();
        BundleContext memberContext = member.getBundleContext();
        memberContext.addServiceListener(e -> events.add(String.valueOf(e.getServiceReference().getBundle().getBundleId())),
                "(objectClass=" + EXECUTOR + ")");
        register(kernel.kernel, EXECUTOR, "hallows.partition", "web");
        register(impostor, EXECUTOR, "hallows.partition", "web", Constants.SERVICE_RANKING, Integer.MAX_VALUE);

        assertEquals(List.of(kernel.kernel.getBundleId()), owners(member, EXECUTOR, "(hallows.partition=web)"));
        assertEquals(List.of(kernel.kernel.getBundleId()), owners(kernel.stackBundle, EXECUTOR, null), "not even the stack's own bundles");
        assertEquals(List.of(String.valueOf(kernel.kernel.getBundleId())), events, "no event about the impostor either");
        assertTrue(owners(impostor, EXECUTOR, null).contains(impostor.getBundleId()), "its registrant alone sees it");
        assertTrue(kernel.audit.recent(1000).stream().anyMatch(e -> e.action().equals("deny")
                && e.target().equals("test.types.impostor [#" + impostor.getBundleId() + " " + impostor.getLocation() + "]")
                && e.detail().startsWith("register " + EXECUTOR + " {hallows.partition=web, service.ranking=2147483647}: only the kernel")));
    }

    @Test
    void everyTypeOfTheKernelApiIsReservedButSchedulingPolicies() throws Exception {
        Bundle impostor = kernel.felix.start("test.types.lister");
        register(impostor, "io.hallows.kernel.api.Schedulers");
        register(impostor, "io.hallows.kernel.spi.SchedulerFactory", "hallows.scheduler", "mine");
        assertTrue(owners(kernel.stackBundle, "io.hallows.kernel.api.Schedulers", null).isEmpty());
        assertNotNull(kernel.stackBundle.getBundleContext().getServiceReferences("io.hallows.kernel.spi.SchedulerFactory", null),
                "which bundle may provide a policy is decided where policies are chosen");
        assertTrue(KernelTypes.isReserved("io.hallows.kernel.api.Partitions"));
        assertTrue(KernelTypes.isReserved("io.hallows.kernel.spi.Scheduler"));
        assertFalse(KernelTypes.isReserved("io.hallows.kernel.spi.SchedulerFactory"));
        assertFalse(KernelTypes.isReserved("io.hallows.kernel.api.more.Thing"));
        assertFalse(KernelTypes.isReserved("io.hallows.kernel.impl.Kernel"));
    }
}
