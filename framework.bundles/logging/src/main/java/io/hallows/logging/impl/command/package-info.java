/**
 * {@code log:tail}: the Log Service's recent history in the console's format. The history's size
 * is org.apache.felix.log's {@code org.apache.felix.log.maxSize} framework property (set in the
 * stack's run properties); DEBUG entries are kept only with {@code org.apache.felix.log.storeDebug}.
 */
package io.hallows.logging.impl.command;
