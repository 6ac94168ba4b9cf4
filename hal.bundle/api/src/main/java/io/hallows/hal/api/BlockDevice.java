package io.hallows.hal.api;

/**
 * A block device from {@code /sys/block}.
 *
 * @param name       the kernel's name ({@code nvme0n1}, {@code vda})
 * @param numaNode   the NUMA node of its controller, or -1 when the kernel does not say
 * @param queues     hardware submission queues (blk-mq), or 1 for a single-queue device
 * @param rotational whether it is a spinning disk
 * @param virtual    whether it has no physical device behind it (loop, zram, device-mapper)
 * @param sizeBytes  its capacity
 */
public record BlockDevice(String name, int numaNode, int queues, boolean rotational, boolean virtual, long sizeBytes) {
}
