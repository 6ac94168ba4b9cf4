package io.hallows.kernel.impl.scheduler;

/**
 * A task whose body a partition's worker runs now, as {@code hallows:tasks} lists it.
 *
 * @param number        its number in the partition ({@code #12}), which {@code hallows:kill} takes
 * @param key           its ordering key, or null
 * @param submitter     the bundle that submitted it (id, location, name), or null if the kernel cannot know
 * @param worker        the thread running it
 * @param runningMillis how long it has run
 * @param state         {@code running}; {@code interrupted} once the watchdog or an operator interrupted
 *                      it; {@code written off} once its worker was given up and replaced (its caller released)
 */
public record RunningTask(long number, String key, String submitter, String worker, long runningMillis, String state) {
}
