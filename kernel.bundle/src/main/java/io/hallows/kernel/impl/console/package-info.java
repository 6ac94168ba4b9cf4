/**
 * The operator console: the stack file read in one pass and applied by the kernel
 * ({@code hallows.stack}; a file for the Configurator, {@code configurator.initial}, is only read,
 * so that a bad file is reported with its problem), the ready line printed once every declared
 * partition has settled, with the stack file's problems (rejected declarations, keys given twice)
 * and warnings (unknown schedulers) before it, and the console itself (interactive Gogo, script
 * mode or none; a script's exit status says whether the stack booted in full). What these classes
 * print is console output for the operator, not logging.
 */
package io.hallows.kernel.impl.console;
