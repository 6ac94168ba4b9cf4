package io.hallows.hal.api;

import java.util.OptionalLong;

/**
 * Counts of one thread since its {@link ThreadCounters} were opened. A hardware counter the kernel
 * does not allow here (no PMU in a virtual machine, {@code perf_event_paranoid}) is empty rather
 * than zero.
 *
 * @param cycles              cpu cycles in user mode (perf_event_open), if allowed
 * @param instructions        instructions retired in user mode (perf_event_open), if allowed
 * @param contextSwitches     context switches counted by perf_event_open, if allowed
 * @param voluntarySwitches   voluntary context switches from {@code /proc/self/task/<tid>/status}
 * @param involuntarySwitches involuntary context switches from the same file
 */
public record CounterSample(OptionalLong cycles, OptionalLong instructions, OptionalLong contextSwitches,
                            long voluntarySwitches, long involuntarySwitches) {
}
