package io.hallows.kernel.api;

/**
 * What a {@linkplain PartitionExecutor#submit submitted} task's future completes with when the
 * kernel gives the task up before it returns: its worker stayed in it after the watchdog's
 * interrupt (a task running past its partition's watchdog bound is interrupted; one still running
 * a whole bound later is abandoned), or an operator killed it ({@code hallows:kill}). Whoever
 * waits for the result is released at once; the JVM cannot stop a thread, so the task's body may
 * still be running on its written-off thread, and returns into nothing.
 */
public final class TaskAbandonedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message which task, of which partition, and why it was given up */
    public TaskAbandonedException(String message) {
        super(message);
    }
}
