package io.hallows.db.olap.impl.shell;

import io.hallows.db.olap.api.OlapDatabase;
import io.hallows.db.olap.impl.sql.OlapEngine;
import java.util.concurrent.TimeUnit;

/**
 * The OLAP database as the shell commands reach it: they exist from the stack's start, while the
 * database still maps its files, so that a script's first {@code olap:} command waits for it
 * instead of failing with "Command not found".
 */
final class EngineWait {
    private static final long START_WAIT_SECONDS = 120;
    private final Object arrival = new Object();
    private OlapEngine engine;

    void bind(OlapDatabase db) {
        synchronized (arrival) {
            engine = db instanceof OlapEngine e ? e : null;
            arrival.notifyAll();
        }
    }

    void unbind(OlapDatabase db) {
        synchronized (arrival) {
            if (engine == db) {
                engine = null;
            }
        }
    }

    /** The database, waiting while it starts. */
    OlapEngine engine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_SECONDS);
        synchronized (arrival) {
            while (engine == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the OLAP database did not start within " + START_WAIT_SECONDS
                            + " s: see log:tail for why (io.hallows.db.olap)");
                }
                TimeUnit.NANOSECONDS.timedWait(arrival, left);
            }
            return engine;
        }
    }
}
