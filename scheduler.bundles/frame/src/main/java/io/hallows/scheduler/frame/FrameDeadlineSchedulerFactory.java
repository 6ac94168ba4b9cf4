package io.hallows.scheduler.frame;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** Registers the {@code frame} policy: fixed-rate frames, earliest deadline first inside each. */
@Component(service = SchedulerFactory.class, property = {
        SchedulerFactory.NAME + "=frame",
        SchedulerFactory.DESCRIPTION + "=Frames at scheduler.frameRate Hz (default 60), earliest deadline first"
                + " inside a frame; counts missed deadlines and overruns. For UI partitions." })
public final class FrameDeadlineSchedulerFactory implements SchedulerFactory {
    static final String FRAME_RATE = "frameRate";
    /** Above 1000 Hz a frame is shorter than a millisecond: the bookkeeping would be the work. */
    static final int MAX_FRAME_RATE = 1000;

    @Override
    public Scheduler create(SchedulerContext context) {
        return new FrameDeadlineScheduler(context, frameRate(context));
    }

    private static int frameRate(SchedulerContext context) {
        String text = context.option(FRAME_RATE, "60");
        int rate;
        try {
            rate = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            rate = 0; // reported below, with the range
        }
        if (rate < 1 || rate > MAX_FRAME_RATE) {
            throw new IllegalArgumentException("partition '" + context.partition() + "': option scheduler." + FRAME_RATE
                    + " is '" + text + "'; set a whole number of frames per second from 1 to " + MAX_FRAME_RATE);
        }
        return rate;
    }
}
