/**
 * The operator's Gogo commands in the scope {@code hallows} (partitions, capabilities and audit,
 * schedulers, cpus and the HAL). They are bundle-scoped components that check each using bundle
 * ({@code ShellAccess}); what they return is the shell's output for the operator.
 */
package io.hallows.kernel.impl.shell;
