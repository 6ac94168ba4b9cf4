package io.hallows.scheduler.batch;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/** Registers the {@code batch} policy: tasks with the same batch key run together, as group commit needs. */
@Component(service = SchedulerFactory.class, property = {
        SchedulerFactory.NAME + "=batch",
        SchedulerFactory.DESCRIPTION + "=Gathers tasks with the same batch key (up to scheduler.batchSize"
                + " or scheduler.batchDelayMicros) and runs each batch back to back on one worker. For databases." })
public final class BatchingSchedulerFactory implements SchedulerFactory {
    static final String BATCH_SIZE = "batchSize";
    static final String BATCH_DELAY_MICROS = "batchDelayMicros";
    /** A batch held open for a minute is a misconfiguration (milliseconds meant?), and the watchdog's concern. */
    static final long MAX_DELAY_MICROS = TimeUnit.MINUTES.toMicros(1);

    @Override
    public Scheduler create(SchedulerContext context) {
        int size = (int) positive(context, BATCH_SIZE, "64", Integer.MAX_VALUE, "tasks");
        long delayMicros = positive(context, BATCH_DELAY_MICROS, "2000", MAX_DELAY_MICROS, "microseconds");
        return new BatchingScheduler(context, size, TimeUnit.MICROSECONDS.toNanos(delayMicros));
    }

    private static long positive(SchedulerContext context, String option, String otherwise, long max, String unit) {
        String text = context.option(option, otherwise);
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            value = 0; // reported below, with the range
        }
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("partition '" + context.partition() + "': option scheduler." + option
                    + " is '" + text + "'; set a whole number of " + unit + " from 1 to " + max);
        }
        return value;
    }
}
