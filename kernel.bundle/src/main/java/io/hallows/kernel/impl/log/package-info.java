/**
 * The kernel's logging: named loggers that write to the OSGi Log Service once it runs, and to
 * java.util.logging before it does (bridged into the same Log Service in a stack). The audit log
 * ({@code impl.audit}) is a separate, durable record and never goes through here.
 */
package io.hallows.kernel.impl.log;
