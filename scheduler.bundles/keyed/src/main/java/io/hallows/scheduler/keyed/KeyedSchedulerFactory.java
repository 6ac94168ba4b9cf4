package io.hallows.scheduler.keyed;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** The {@code keyed} policy. It has no options: a key's worker depends only on the worker count. */
@Component(service = SchedulerFactory.class, property = {
        SchedulerFactory.NAME + "=keyed",
        SchedulerFactory.DESCRIPTION + "=Key affinity: a key always runs on the same worker, in order (messaging)"})
public final class KeyedSchedulerFactory implements SchedulerFactory {
    @Override
    public Scheduler create(SchedulerContext context) {
        return new KeyedScheduler(context);
    }
}
