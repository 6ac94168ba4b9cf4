package io.hallows.scheduler.workstealing;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code workstealing} policy. Option: {@code scheduler.steal} ({@code true} by default);
 * {@code false} keeps every task on the worker it was given, for locality at the cost of balance.
 */
@Component(service = SchedulerFactory.class, property = {
        SchedulerFactory.NAME + "=workstealing",
        SchedulerFactory.DESCRIPTION + "=Per-worker deques; idle workers steal from busy ones (backend APIs)"})
public final class WorkStealingSchedulerFactory implements SchedulerFactory {
    @Override
    public Scheduler create(SchedulerContext context) {
        return new WorkStealingScheduler(context);
    }
}
