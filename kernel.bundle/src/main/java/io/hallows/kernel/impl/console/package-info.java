/**
 * The operator console: the ready line printed once every declared partition has settled, the
 * stack file read as the Configurator reads it (so a bad file is reported with its problem), and
 * the console itself (interactive Gogo, script mode or none). What these classes print is console
 * output for the operator, not logging.
 */
package io.hallows.kernel.impl.console;
