package io.hallows.hal.api;

/**
 * A network interface from {@code /sys/class/net}.
 *
 * @param name     the interface name ({@code eth0}, {@code lo})
 * @param numaNode the NUMA node of its device, or -1 when the kernel does not say
 * @param rxQueues receive queues
 * @param txQueues transmit queues
 * @param virtual  whether it has no physical device behind it (loopback, bridges, veth)
 * @param up       whether its operational state is up
 */
public record NetDevice(String name, int numaNode, int rxQueues, int txQueues, boolean virtual, boolean up) {
}
