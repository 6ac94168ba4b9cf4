package io.hallows.kernel.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's audit log: every mint, grant, derive, revoke and denial, and every partition
 * lifecycle change, in order. The kernel keeps the most recent entries in memory and appends all
 * of them to {@code audit/audit.log} in the stack's data area ({@link DataArea}).
 *
 * <p>A protected service ({@code kernel.audit}): holders of {@code service:kernel.audit CALL} read
 * it and record entries of their own, whose actor the kernel names.
 */
@ProviderType
public interface AuditLog {
    /** The newest {@code count} entries, oldest first. */
    List<AuditEntry> recent(int count);

    /** Entries with a sequence greater than {@code sequence}, oldest first. */
    List<AuditEntry> since(long sequence);

    /**
     * Records an entry with the caller as its actor: the kernel names it (symbolic name, bundle id
     * and location), so a bundle cannot record in another's name or the kernel's. For decisions an
     * operator must be able to find later (a refused client, a rejected input); keep it rare (rate
     * limit a flood yourself).
     *
     * @param action lower-case letters, digits, '.' and '-', starting with a letter, at most 64
     *        (e.g. {@code admin.connection.refused})
     * @param target what it happened to (at most 256 characters kept)
     * @param detail a sentence for a person (at most 1,024 characters kept)
     * @return the entry as recorded
     * @throws IllegalArgumentException if {@code action} is not such a name
     */
    AuditEntry record(String action, String target, String detail);
}
