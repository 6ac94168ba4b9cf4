package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.ForgerActivator;
import io.hallows.run.it.fixtures.GreeterProvider;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/** Protected services in a real framework: hidden without a capability, a revocable proxy with one. */
class ProtectedServiceIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.protect", ":configurator:version": "1.0.0",
              "io.hallows.partition~clients": { "name": "clients", "cpus": "0", "exclusive": false,
                  "bundles:String[]": ["it.member.*"], "locations:String[]": ["test:*"], "grants:String[]": ["service:lobby CALL"] },
              "io.hallows.policy": { "allow:String[]": [
                  "it.client.granted service:greeter CALL",
                  "it.forger service:forged CALL",
                  "it.client.pinned@test:* service:pinned CALL",
                  "it.client.misplaced@elsewhere:* service:pinned CALL" ] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK);

    private static Bundle start(TestBundle bundle) throws Exception {
        Bundle b = stack.install(bundle);
        b.start();
        return b;
    }

    private static Bundle provider(String name) throws Exception {
        return start(TestBundle.named("it.provider." + name).activator(GreeterProvider.class).header("X-Greeter-Name", name));
    }

    private static String request(String resource) {
        return resource + ";rights:=\"CALL\"";
    }

    @Test
    void bundleWithoutCapabilityCannotSeeOrCallTheServiceAndOneWithItCan() throws Exception {
        Bundle granted = start(TestBundle.named("it.client.granted").header("Hallows-Request", request("service:greeter")));
        Bundle denied = start(TestBundle.named("it.client.denied").header("Hallows-Request", request("service:greeter")));
        Bundle bystander = start(TestBundle.named("it.client.bystander"));
        List<String> grantedEvents = new CopyOnWriteArrayList<>();
        List<String> deniedEvents = new CopyOnWriteArrayList<>();
        granted.getBundleContext().addServiceListener(e -> grantedEvents.add(type(e)), "(hallows.protected=greeter)");
        denied.getBundleContext().addServiceListener(e -> deniedEvents.add(type(e)), "(hallows.protected=greeter)");

        provider("greeter"); // registration events are delivered synchronously, before start() returns

        assertNull(denied.getBundleContext().getServiceReferences(Supplier.class.getName(), null));
        assertNull(denied.getBundleContext().getAllServiceReferences(null, "(hallows.protected=greeter)"));
        assertNull(bystander.getBundleContext().getServiceReferences(Supplier.class.getName(), null));
        assertEquals(List.of(), deniedEvents, "no events about the service reach a bundle without the capability");
        // The kernel may also re-announce the proxy (MODIFIED, from its own thread) after the grant.
        assertEquals(List.of("registered"), grantedEvents.stream().filter(t -> !t.equals("modified")).toList(),
                "the holder hears of the proxy only");
        assertTrue(stack.shell("hallows:caps it.client.denied").contains("denied: service:greeter [CALL]: no policy rule allows it"));

        ServiceReference<?>[] refs = granted.getBundleContext().getServiceReferences(Supplier.class.getName(), null);
        assertNotNull(refs);
        assertEquals(1, refs.length, "the holder sees the kernel's proxy, not the original");
        assertNotNull(refs[0].getProperty("hallows.proxy.of"));
        Supplier<?> greeter = (Supplier<?>) granted.getBundleContext().getService(refs[0]);
        assertTrue(Proxy.isProxyClass(greeter.getClass()));
        assertEquals("hello from greeter", greeter.get());
        assertTrue(stack.shell("hallows:audit 200").contains("hid service:greeter: no capability with CALL"));
    }

    @Test
    void revokeCutsALiveProxy() throws Exception {
        provider("vault");
        Bundle client = start(TestBundle.named("it.client.revoked"));
        assertNull(client.getBundleContext().getServiceReferences(Supplier.class.getName(), "(hallows.protected=vault)"));

        String granted = stack.shell("hallows:grant it.client.revoked service:vault CALL");
        Matcher id = Pattern.compile("granted #(\\d+) service:vault").matcher(granted);
        assertTrue(id.find(), granted);
        ServiceReference<?> ref = client.getBundleContext().getServiceReferences(Supplier.class.getName(), "(hallows.protected=vault)")[0];
        Supplier<?> vault = (Supplier<?>) client.getBundleContext().getService(ref);
        assertEquals("hello from vault", vault.get());

        assertTrue(stack.shell("hallows:revoke " + id.group(1)).contains("revoked #" + id.group(1)));

        RuntimeException e = assertThrows(RuntimeException.class, vault::get);
        assertEquals("io.hallows.kernel.api.CapabilityRevokedException", e.getClass().getName());
        assertEquals("capability #" + id.group(1) + " (service:vault [CALL]) held by 'it.client.revoked' was revoked", e.getMessage());
        assertNull(client.getBundleContext().getServiceReferences(Supplier.class.getName(), "(hallows.protected=vault)"));
        String audit = stack.shell("hallows:audit 200");
        assertTrue(audit.contains("operator revoked service:vault of it.client.revoked"), audit);
        assertTrue(audit.contains("call service:vault.get: capability #" + id.group(1) + " was revoked"), audit);
    }

    @Test
    void aVendorBundleCannotMintWidenOrRegrantCapabilities() throws Exception {
        start(TestBundle.named("it.forger").activator(ForgerActivator.class)
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api")
                .header("Hallows-Request", request("service:forged")));
        String result = System.getProperty(ForgerActivator.RESULT);
        assertNotNull(result, "the forger ran");
        assertTrue(result.contains("mint=refused:only the Hallows kernel can mint capabilities"), result);
        assertTrue(result.contains("widen=refused:cannot widen capability"), result);
        assertTrue(result.contains("grant=refused:") && result.contains("does not carry GRANT"), result);
        assertTrue(result.endsWith("held=1"), "it still holds exactly what the policy granted: " + result);
    }

    @Test
    void theStackGrantsAPartitionsBundlesAndTakesTheGrantBackWhenTheConfigurationChanges() throws Exception {
        provider("lobby");
        CountDownLatch adopted = stack.whenStarted("it.member.one");
        Bundle member = stack.install(TestBundle.named("it.member.one"));
        assertTrue(adopted.await(30, TimeUnit.SECONDS), "the partition adopts and starts its new bundle, after granting it");
        ServiceReference<?>[] refs = member.getBundleContext().getServiceReferences(Supplier.class.getName(), "(hallows.protected=lobby)");
        assertNotNull(refs, "a bundle of the partition holds the stack's grant");
        Supplier<?> lobby = (Supplier<?>) member.getBundleContext().getService(refs[0]);
        assertEquals("hello from lobby", lobby.get());
        assertTrue(stack.shell("hallows:caps it.member.one").contains("stack:clients"));

        stack.shell("hallows:configure clients 'grants=partition:clients READ'");
        RuntimeException e = assertThrows(RuntimeException.class, lobby::get);
        assertEquals("io.hallows.kernel.api.CapabilityRevokedException", e.getClass().getName());
        assertTrue(stack.shell("hallows:caps it.member.one").contains("partition:clients"));
    }

    @Test
    void aPolicyRuleWithALocationGrantsOnlyWhatTheStackInstalledFromThere() throws Exception {
        start(TestBundle.named("it.client.pinned").header("Hallows-Request", request("service:pinned")));
        start(TestBundle.named("it.client.misplaced").header("Hallows-Request", request("service:pinned")));
        String pinned = stack.shell("hallows:caps it.client.pinned");
        assertTrue(pinned.contains("service:pinned") && !pinned.contains("denied"), "installed from test:*, as the rule says:\n" + pinned);
        assertTrue(stack.shell("hallows:caps it.client.misplaced").contains("denied: service:pinned [CALL]: no policy rule allows it"),
                "its rule names another location");
    }

    private static String type(ServiceEvent e) {
        return switch (e.getType()) {
            case ServiceEvent.REGISTERED -> "registered";
            case ServiceEvent.UNREGISTERING -> "unregistering";
            default -> "modified";
        };
    }
}
