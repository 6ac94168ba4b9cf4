/**
 * The log's shell commands ({@code log:topics}, {@code log:create}, {@code log:describe},
 * {@code log:tail}, {@code log:groups}) and their aligned text output. The composition root
 * registers {@link io.hallows.messaging.impl.shell.MessagingCommands} with
 * {@code osgi.command.scope=log}.
 */
package io.hallows.messaging.impl.shell;
