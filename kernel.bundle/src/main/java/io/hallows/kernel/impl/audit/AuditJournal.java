package io.hallows.kernel.impl.audit;

import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.AuditLog;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The audit log: the newest entries in memory, every entry appended to a file when one is given. */
public final class AuditJournal implements AuditLog, AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(AuditJournal.class);
    private static final int KEPT = 10_000;

    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();
    private final Writer file;
    private long sequence;

    private AuditJournal(Writer file) {
        this.file = file;
    }

    /** A journal that keeps entries in memory only. */
    public static AuditJournal inMemory() {
        return new AuditJournal(null);
    }

    /** A journal that also appends every entry to {@code file}. */
    public static AuditJournal appendingTo(Path file) throws IOException {
        return new AuditJournal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
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

    private void append(AuditEntry e) {
        if (file == null) {
            return;
        }
        try {
            file.write(e.time() + "\t" + e.sequence() + "\t" + e.actor() + "\t" + e.action() + "\t" + e.target()
                    + "\t" + e.detail().replace('\n', ' ') + "\n");
            file.flush();
        } catch (IOException ex) {
            // The in-memory log still has the entry; a full disk must not stop the kernel.
            LOG.error("cannot append to the audit log: " + ex.getMessage() + "; the entry is kept in memory only", ex);
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
