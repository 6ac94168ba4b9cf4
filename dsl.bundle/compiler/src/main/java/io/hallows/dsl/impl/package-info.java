/**
 * The Parseltongue compiler, private to the compiler bundle ({@code io.hallows.dsl}). A source goes
 * through {@link io.hallows.dsl.impl.FrontEnd} (package {@code syntax}: lexer and parser with
 * recovery; {@code check}: names, types, variable kinds, reactivity, errors), then {@code gen}
 * writes Java, {@code compile} compiles it in memory, and {@code deploy} packages and installs it.
 * Diagnostics ({@link io.hallows.dsl.api.Diagnostic}) are collected at every step, never thrown.
 */
package io.hallows.dsl.impl;
