package io.hallows.kernel.impl.scheduler;

/** A submitted task's exception, carried out of its Runnable body ({@link CallTask}); counted as the task's failure. */
final class TaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskFailure(Throwable cause) {
        super(cause);
    }
}
