package io.hallows.kernel.api;

import java.time.Instant;

/**
 * One record of the audit log.
 *
 * @param sequence increasing number, unique within one run of the kernel
 * @param time when it happened
 * @param actor who acted: {@code kernel}, {@code stack}, {@code policy}, {@code shell}, or a bundle's symbolic name
 * @param action what happened: {@code mint}, {@code grant}, {@code derive}, {@code revoke}, {@code deny},
 *               {@code partition.*}, {@code config.*}
 * @param target what it happened to: a capability, partition or bundle
 * @param detail a sentence for a person
 */
public record AuditEntry(long sequence, Instant time, String actor, String action, String target, String detail) {
}
