/**
 * The audit journal: every grant, derivation, revocation, denial, configuration decision and
 * partition state change, in order, kept in memory for the shell and the admin API and appended to
 * the kernel's data area. It is a record for operators, separate from logging (see {@code impl.log}).
 */
package io.hallows.kernel.impl.audit;
