package io.hallows.kernel.api;

import java.util.List;

/**
 * An installed scheduling policy.
 *
 * @param name the policy's name ({@code hallows.scheduler})
 * @param bundle the symbolic name of the bundle providing it ({@code io.hallows.kernel} for the built-in FIFO)
 * @param version that bundle's version
 * @param description one line on what it is for
 * @param activeIn the partitions it is serving now
 */
public record SchedulerInfo(String name, String bundle, String version, String description, List<String> activeIn) {
}
