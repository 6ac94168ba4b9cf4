/**
 * The operator's console for log lines: {@link io.hallows.logging.impl.console.ConsoleWriter}
 * prints the Log Service's entries at or above the console level (WARN unless configured, PID
 * {@code io.hallows.logging}, key {@code console.level}) to the process's standard error, in the
 * one format of {@link io.hallows.logging.impl.console.EntryFormat}:
 * {@code 12:03:04.123 WARN  io.netty.util.ResourceLeakDetector: message}, then the exception's
 * stack indented. It is the only place in the stack that writes log lines to the console; what
 * the stack says to its operator on purpose (the ready line, command results) is not logged.
 */
package io.hallows.logging.impl.console;
