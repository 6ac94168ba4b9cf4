/**
 * Basilisk's HTTP server: the {@link io.hallows.basilisk.server.BasiliskComponent} runs a
 * {@link io.hallows.basilisk.server.BasiliskServer} (Vert.x web) on the web partition for every
 * registered {@link io.hallows.basilisk.api.WebModule}, with limits, an access log, per-route
 * metrics ({@code basilisk:routes}) and streaming routes fed by the OLTP database's commit
 * notifications. Not exported.
 */
package io.hallows.basilisk.server;
