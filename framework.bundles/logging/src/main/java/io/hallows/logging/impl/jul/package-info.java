/**
 * java.util.logging into the OSGi Log Service. {@link io.hallows.logging.impl.jul.JulBridge}
 * replaces the root logger's handlers with a {@link io.hallows.logging.impl.jul.LogServiceHandler}
 * while the bundle runs and puts them back when it stops. Records keep their logger name; levels
 * are mapped by {@link io.hallows.logging.impl.jul.JulLevels}.
 *
 * <p>java.util.logging drops a record below its logger's level before any handler sees it, so
 * {@link io.hallows.logging.impl.jul.JulLevelSync} sets those levels from the same configuration
 * as the Log Service's ({@code org.osgi.service.log.admin}): a logger configured at DEBUG there
 * reaches the Log Service at DEBUG, and one left at the default WARN does not build INFO records.
 */
package io.hallows.logging.impl.jul;
