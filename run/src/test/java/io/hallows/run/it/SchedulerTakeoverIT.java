package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.HostileSchedulers;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

/**
 * Issue 10, hole 3: a bundle installed after the stack, holding no capability, registers scheduler
 * factories named {@code workstealing}, {@code fifo} and {@code turbo} at version 99.0.0. None may
 * serve: no partition switches, every refusal is audited with the bundle's id and location. Once
 * granted {@code scheduler:turbo PROVIDE} its same {@code turbo} registration serves the partition
 * that asks for it, while {@code workstealing} stays with the stack's bundle that provides it and
 * {@code fifo} with the kernel.
 */
class SchedulerTakeoverIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.takeover", ":configurator:version": "1.0.0",
              "io.hallows.partition~web": { "name": "web", "cpus": "0-1", "exclusive": false, "workers:Integer": 2,
                  "scheduler": "(hallows.scheduler=workstealing)" },
              "io.hallows.partition~admin": { "name": "admin", "cpus": "0-1", "exclusive": false, "workers:Integer": 1 },
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false, "workers:Integer": 1,
                  "scheduler": "(hallows.scheduler=turbo)" } }
            """;
    private static final Pattern SCHEDULER = Pattern.compile("scheduler\\s+(\\S+)\n");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "web", "admin", "apps");

    private static String scheduler(String partition) throws Exception {
        String stats = stack.shell("hallows:stats " + partition);
        Matcher m = SCHEDULER.matcher(stats);
        assertTrue(m.find(), stats);
        return m.group(1);
    }

    private static List<String> audited(String action) throws Exception {
        return Arrays.stream(stack.shell("hallows:audit 500").split("\n")).filter(l -> l.contains(action)).toList();
    }

    @Test
    void aBundleWithoutACapabilityCannotTakeOverSchedulingUntilGrantedAPolicyOfItsOwn() throws Exception {
        String web = scheduler("web");
        String admin = scheduler("admin");
        assertTrue(web.startsWith("workstealing@") && admin.startsWith("fifo@") && scheduler("apps").startsWith("fifo@"),
                web + " " + admin);

        Bundle hostile = stack.install(TestBundle.named("it.hostile.schedulers").activator(HostileSchedulers.class)
                .with(HostileSchedulers.Seeing.class).header("Bundle-Version", "99.0.0")
                .header("X-Policies", "workstealing,fifo,turbo")
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.spi"));
        hostile.start();

        assertEquals(web, scheduler("web"), "web stays on the stack's workstealing");
        assertEquals(admin, scheduler("admin"), "admin stays on the built-in fifo");
        assertTrue(scheduler("apps").startsWith("fifo@"), "apps asks for turbo, but the vendor's is refused");
        assertTrue(audited("scheduler.swap").stream().noneMatch(l -> l.contains("99.0.0")), String.join("\n", audited("scheduler.swap")));
        List<String> refused = audited("scheduler.refused");
        String who = "of bundle " + hostile.getBundleId() + " (test:it.hostile.schedulers, it.hostile.schedulers 99.0.0) refused: ";
        for (String policy : List.of("workstealing", "turbo")) {
            assertTrue(refused.stream().anyMatch(l -> l.contains("'" + policy + "' 99.0.0 " + who + "it is not one of the stack's"
                    + " bundles and holds no capability scheduler:" + policy + " PROVIDE")), policy + ":\n" + String.join("\n", refused));
        }
        assertTrue(refused.stream().anyMatch(l -> l.contains("'fifo' 99.0.0 " + who + "'fifo' is the kernel's built-in policy")),
                String.join("\n", refused));
        String listed = stack.shell("hallows:schedulers");
        String usable = listed.substring(0, listed.indexOf("refused (never used):"));
        assertFalse(usable.contains("99.0.0"), "refused factories are not listed as usable:\n" + listed);

        stack.shell("hallows:grant " + hostile.getBundleId() + " scheduler:turbo PROVIDE");
        stack.shell("hallows:grant " + hostile.getBundleId() + " scheduler:workstealing PROVIDE");
        assertEquals("turbo@99.0.0", scheduler("apps"), "granted: the same registration now serves the partition asking for it");
        assertEquals(web, scheduler("web"), "a capability does not let another bundle replace the stack's workstealing");
        assertEquals(admin, scheduler("admin"), "nobody shadows fifo");
        assertTrue(audited("scheduler.refused").stream().anyMatch(l -> l.contains("'workstealing' 99.0.0 " + who + "policy"
                + " 'workstealing' is provided by bundle ")), String.join("\n", audited("scheduler.refused")));
        assertTrue(audited("scheduler.swap").stream().anyMatch(l -> l.contains("apps") && l.contains("-> turbo@99.0.0 (update)")),
                String.join("\n", audited("scheduler.swap")));
    }
}
