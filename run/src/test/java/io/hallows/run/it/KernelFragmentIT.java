package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A fragment that attaches to the kernel would share its class loader and could mint. Any bundle
 * can get one attached by refreshing the kernel (its resolver hook is gone while it is stopped), so
 * the kernel refuses to start with one. This test breaks its stack, so it has one of its own.
 */
class KernelFragmentIT {
    @RegisterExtension
    static final StackExtension stack = new StackExtension("""
            { ":configurator:symbolic-name": "it.fragment", ":configurator:version": "1.0.0" }
            """);

    @Test
    void theKernelRefusesToRunWithAFragmentAttached() throws Exception {
        Bundle kernel = Arrays.stream(stack.system().getBundles()).filter(b -> "io.hallows.kernel".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        stack.install(TestBundle.named("it.fragment.intruder").header("Fragment-Host", "io.hallows.kernel"));
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch refused = new CountDownLatch(1);
        stack.system().addFrameworkListener(e -> { // framework events arrive asynchronously
            if (e.getType() == FrameworkEvent.ERROR && e.getThrowable() != null) {
                String message = String.valueOf(e.getThrowable().getMessage());
                errors.add(message);
                if (message.contains("refuses to start with fragments attached: it.fragment.intruder")) {
                    refused.countDown();
                }
            }
        });
        CountDownLatch refreshed = new CountDownLatch(1);
        stack.system().getBundle().adapt(FrameworkWiring.class).refreshBundles(List.of(kernel), e -> refreshed.countDown());
        assertTrue(refreshed.await(60, TimeUnit.SECONDS));

        assertTrue(refused.await(60, TimeUnit.SECONDS), "the kernel's refusal was reported: " + errors);
        assertEquals(Bundle.RESOLVED, kernel.getState(), "the kernel did not start again");
    }
}
