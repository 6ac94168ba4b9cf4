/**
 * Readers of sysfs (cpu topology, NUMA nodes, caches, block and network devices) from a
 * configurable root, so tests run them against fake trees. They tolerate missing and garbled
 * attributes: each class says what a missing value becomes.
 */
package io.hallows.hal.impl.sysfs;
