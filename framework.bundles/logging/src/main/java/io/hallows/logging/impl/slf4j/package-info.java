/**
 * SLF4J 2 into the OSGi Log Service: the provider slf4j-api's service loader finds (through SPI
 * Fly, as the bundle's {@code osgi.serviceloader} capability declares), and loggers that ask the
 * Log Service's levels before formatting and hand it the formatted message and exception. Markers
 * and the MDC are not carried: the Log Service has no place for them.
 */
package io.hallows.logging.impl.slf4j;
