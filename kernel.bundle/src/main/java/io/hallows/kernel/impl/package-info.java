/**
 * The kernel's implementation, private to the kernel bundle. {@link io.hallows.kernel.impl.KernelActivator}
 * is the composition root: it builds the audit journal, the capability table, the protection hooks,
 * the HAL binding, the schedulers and the partitions, and registers the services other bundles
 * reach only through the kernel's proxies. {@link io.hallows.kernel.impl.Kernel} is what the
 * kernel's own shell and console components see of it. The sub-packages, by role:
 * <ul>
 * <li>{@code audit}: the durable record of every grant, denial and lifecycle change;</li>
 * <li>{@code capability}: who holds which capability, and the policy that decides bundles' requests;</li>
 * <li>{@code protect}: the hooks and proxies that enforce capabilities on services and wirings;</li>
 * <li>{@code partition}: partitions, their lifecycle and their supervisor;</li>
 * <li>{@code scheduler}: each partition's workers and its swappable scheduler;</li>
 * <li>{@code hal}: the kernel's use of the HAL (pinning, online cpus);</li>
 * <li>{@code shell} and {@code console}: the operator's commands, the ready line and the console;</li>
 * <li>{@code log}: the kernel's logging.</li>
 * </ul>
 * The design is written down in docs/kernel.md.
 */
package io.hallows.kernel.impl;
