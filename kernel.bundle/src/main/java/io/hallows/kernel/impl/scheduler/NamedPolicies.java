package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.SchedulerFactory;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Version;

/** Policies given as factories by name, besides the built-in FIFO: scheduling without a framework. */
final class NamedPolicies implements Policies {
    private final Map<String, SchedulerFactory> factories = new HashMap<>();
    private final Map<String, SchedulerChoice> choices = new HashMap<>();

    NamedPolicies(String origin, Map<String, SchedulerFactory> policies) {
        factories.put(FifoScheduler.NAME, FifoScheduler.FACTORY);
        factories.putAll(policies);
        factories.keySet().forEach(n -> choices.put(n, new SchedulerChoice(n, origin, Version.emptyVersion, "", null)));
    }

    @Override
    public SchedulerFactory acquire(SchedulerChoice choice) {
        return factories.get(choice.name());
    }

    @Override
    public void release(SchedulerChoice choice) {
        // Nothing to release: no service references outside a framework.
    }

    @Override
    public SchedulerChoice fifo() {
        return choices.get(FifoScheduler.NAME);
    }

    @Override
    public SchedulerChoice named(String name) {
        return choices.get(name);
    }
}
