/**
 * The kernel's binding to the HAL service: it follows the stack's HAL (only one registered by
 * infrastructure under the protected name {@code hal}), pins partitions' workers to their cpus
 * through it, re-pins running workers when a HAL arrives, and answers which cpus are online and
 * allowed when the HAL is absent.
 */
package io.hallows.kernel.impl.hal;
