/**
 * The stack's persistent data area ({@link io.hallows.kernel.api.DataArea}): the folder chosen by
 * {@code hallows.data}, created owner-only and locked for the life of the kernel, with a health
 * check the kernel runs every second. The audit log ({@code impl.audit}) lives in it.
 */
package io.hallows.kernel.impl.data;
