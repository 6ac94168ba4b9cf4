package io.hallows.kernel.impl.audit;

import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.AuditLog;
import io.hallows.kernel.impl.capability.Holders;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.protect.PerHolder;
import io.hallows.kernel.impl.log.KernelLogger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * The audit log: the newest entries in memory and, when a file is given, every entry appended to
 * it ({@link AuditFile}: forced every second by the kernel, rotated by size). A journal on a file
 * that already holds entries (an earlier run's) starts with its last ones in memory and continues
 * their numbering, so {@code hallows:audit} shows what happened before a restart or a crash.
 */
public final class AuditJournal implements AuditLog, PerHolder<AuditLog>, AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(AuditJournal.class);
    private static final int KEPT = 10_000;
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();
    private final AuditFile file;
    private long sequence;
    private boolean failing;

    private AuditJournal(AuditFile file, List<AuditEntry> earlier) {
        this.file = file;
        entries.addAll(earlier);
        sequence = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).sequence();
    }

    /** A journal that keeps entries in memory only. */
    public static AuditJournal inMemory() {
        return new AuditJournal(null, List.of());
    }

    /** A journal that also appends every entry to {@code file}, after the entries already there. */
    public static AuditJournal appendingTo(Path file) throws IOException {
        List<AuditEntry> earlier = AuditFile.tail(file, KEPT);
        return new AuditJournal(AuditFile.open(file), earlier);
    }

    public AuditEntry record(String actor, String action, String target, String detail) {
        synchronized (entries) {
            AuditEntry entry = new AuditEntry(++sequence, Instant.now(), actor, action, target, detail);
            if (entries.size() == KEPT) {
                entries.removeFirst();
            }
            entries.addLast(entry);
            append(entry);
            return entry;
        }
    }

    /** The kernel's own record through the API: the actor is {@code kernel}. */
    @Override
    public AuditEntry record(String action, String target, String detail) {
        return record("kernel", action, target, detail);
    }

    /** A holder's view: it reads the log, and what it records names it as the actor. */
    @Override
    public AuditLog forHolder(Bundle holder) {
        String actor = Holders.describe(holder);
        return new AuditLog() {
            @Override
            public List<AuditEntry> recent(int count) {
                return AuditJournal.this.recent(count);
            }

            @Override
            public List<AuditEntry> since(long sequence) {
                return AuditJournal.this.since(sequence);
            }

            @Override
            public AuditEntry record(String action, String target, String detail) {
                if (action == null || !ACTION.matcher(action).matches()) {
                    throw new IllegalArgumentException("'" + action + "' is not an audit action (lower-case letters, digits,"
                            + " '.', '-'; starting with a letter; at most 64)");
                }
                return AuditJournal.this.record(actor, action, cut(target, 256), cut(detail, 1024));
            }
        };
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    @Override
    public List<AuditEntry> recent(int count) {
        synchronized (entries) {
            List<AuditEntry> all = new ArrayList<>(entries);
            return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(count, 0)), all.size()));
        }
    }

    @Override
    public List<AuditEntry> since(long after) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.sequence() > after).toList();
        }
    }

    /** Forces what was appended to the device (the kernel calls it every second). */
    public void force() {
        if (file == null) {
            return;
        }
        try {
            file.force();
        } catch (IOException e) {
            LOG.error("cannot force the audit log to disk: " + e.getMessage());
        }
    }

    /** What is wrong with the audit log's file now, or null (see {@link AuditFile#problem()}). */
    public String problem() {
        if (file == null) {
            return null;
        }
        String problem = file.problem();
        if (problem == null && failing) {
            return "audit log entries cannot be written (see the log); they are kept in memory only";
        }
        return problem;
    }

    private void append(AuditEntry e) {
        if (file == null) {
            return;
        }
        try {
            file.append(e);
            failing = false;
        } catch (IOException ex) {
            // The in-memory log still has the entry; a full disk must not stop the kernel. Said once per outage.
            if (!failing) {
                LOG.error("cannot append to the audit log (entries are kept in memory until it works again): " + ex.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            synchronized (entries) {
                file.close();
            }
        }
    }
}
