/**
 * The stack's logging, in one place: every line, whatever API wrote it, ends as an entry of the
 * OSGi Log Service (org.apache.felix.log), which applies the levels configured per logger name
 * (ConfigAdmin PID {@code org.osgi.service.log.admin}, from the stack file) and keeps the recent
 * history.
 *
 * <pre>
 *   SLF4J 2 (bndlib, Netty) --- slf4j.LogServiceSlf4jProvider --+
 *                                                                +--> LogForwarder --> LoggerFactory
 *   java.util.logging (Vert.x, SPI Fly) -- jul.LogServiceHandler -+        (Log Service, levels, history)
 *                                                                               |
 *                          console.ConsoleWriter (LogListener, stderr) <--------+--> command.LogCommands (log:tail)
 * </pre>
 *
 * <p>{@link io.hallows.logging.impl.LoggingActivator} installs the bridges. It is an activator, not
 * a Declarative Services component, because they must be in place before DS runs: the bundle
 * starts at level 1 with the kernel, which logs through java.util.logging until the Log Service is
 * up, and SLF4J's provider is made by SLF4J's service loader, not by DS. Lines that arrive before
 * the Log Service does wait in {@link io.hallows.logging.impl.LogForwarder}'s bounded queue.
 * Everything else (the console writer, {@code log:tail}, keeping java.util.logging's levels in
 * step) is a DS component.
 */
package io.hallows.logging.impl;
