package io.hallows.kernel.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's audit log: every mint, grant, derive, revoke and denial, and every partition
 * lifecycle change, in order. The kernel keeps the most recent entries in memory and appends all
 * of them to {@code audit.log} in the kernel bundle's data area.
 */
@ProviderType
public interface AuditLog {
    /** The newest {@code count} entries, oldest first. */
    List<AuditEntry> recent(int count);

    /** Entries with a sequence greater than {@code sequence}, oldest first. */
    List<AuditEntry> since(long sequence);
}
