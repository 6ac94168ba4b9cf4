package io.hallows.kernel.impl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileTest {
    @TempDir
    Path dir;

    @Test
    void aJournalOnAnEarlierRunsFileShowsItsEntriesAndContinuesTheirNumbers() throws Exception {
        Path file = dir.resolve("audit/audit.log");
        try (AuditJournal first = AuditJournal.appendingTo(file)) {
            first.record("kernel", "start", "kernel", "first run");
            first.record("shell", "partition.stop", "db", "stopped\tby an operator\nwho typed it");
        }
        try (AuditJournal second = AuditJournal.appendingTo(file)) {
            AuditEntry next = second.record("kernel", "start", "kernel", "second run");
            assertEquals(3, next.sequence());
            List<AuditEntry> all = second.recent(10);
            assertEquals(List.of("first run", "stopped by an operator who typed it", "second run"),
                    all.stream().map(AuditEntry::detail).toList());
        }
        assertEquals(3, Files.readAllLines(file).size(), "one line per entry, tabs and newlines in fields flattened");
    }

    @Test
    void aLineTornByACrashOrDamagedBytesAreSkippedAndTheNextRunStartsAFreshLine() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditJournal journal = AuditJournal.appendingTo(file)) {
            journal.record("kernel", "start", "kernel", "whole");
        }
        Files.write(file, new byte[] {'x', (byte) 0xC3, (byte) 0x28, '\n'}, StandardOpenOption.APPEND); // not UTF-8
        Files.writeString(file, "2026-12-03T10:00:00Z\t2\tker", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (AuditJournal journal = AuditJournal.appendingTo(file)) {
            assertEquals(List.of("whole"), journal.recent(10).stream().map(AuditEntry::detail).toList());
            journal.record("kernel", "start", "kernel", "next run");
        }
        try (AuditJournal journal = AuditJournal.appendingTo(file)) {
            List<AuditEntry> read = journal.recent(10);
            assertEquals(List.of("whole", "next run"), read.stream().map(AuditEntry::detail).toList(),
                    "the next run's entry is not glued to the torn line");
            assertEquals("kernel", read.get(1).actor());
        }
    }

    @Test
    void aHolderRecordsUnderTheNameTheKernelGivesItAndOnlyPlainActions() throws Exception {
        org.osgi.framework.Bundle admin = (org.osgi.framework.Bundle) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.osgi.framework.Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> "io.hallows.admin";
                    case "getBundleId" -> 37L;
                    case "getLocation" -> "stack:12";
                    default -> null;
                });
        try (AuditJournal journal = AuditJournal.appendingTo(dir.resolve("audit.log"))) {
            io.hallows.kernel.api.AuditLog view = journal.forHolder(admin);
            AuditEntry e = view.record("admin.connection.refused", "admin API", "x".repeat(5000));
            assertEquals("io.hallows.admin [#37 stack:12]", e.actor());
            assertEquals(1025, e.detail().length(), "a detail is cut at 1,024 characters");
            for (String bad : new String[] {"kernel start", "Grant", "", "a\tb"}) {
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> view.record(bad, "t", "d"), bad);
            }
            assertEquals(1, journal.recent(10).size(), "refused records leave nothing");
        }
    }

    @Test
    void theFileIsOwnerOnly() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditJournal journal = AuditJournal.appendingTo(file)) {
            journal.record("kernel", "start", "kernel", "x");
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void pastTheSizeLimitTheFileIsRotatedAndOldGenerationsShiftUp() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFile audit = AuditFile.open(file, 200)) {
            for (int i = 1; i <= 30; i++) {
                audit.append(new AuditEntry(i, java.time.Instant.now(), "kernel", "test", "t", "entry number " + i));
            }
        }
        assertTrue(Files.size(file) <= 200, "the current file stays under the limit");
        assertTrue(Files.exists(dir.resolve("audit.log.1")) && Files.exists(dir.resolve("audit.log.4")));
        assertTrue(!Files.exists(dir.resolve("audit.log.5")), "only " + AuditFile.KEPT_FILES + " generations are kept");
        assertTrue(Files.readString(file).contains("entry number 30"), "the newest entry is in the current file");
    }

    @Test
    void aFileDeletedBehindTheKernelsBackIsNoticedAndStartedAgain() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditJournal journal = AuditJournal.appendingTo(file)) {
            journal.record("kernel", "start", "kernel", "before");
            assertNull(journal.problem());
            Files.delete(file);
            String problem = journal.problem();
            assertTrue(problem != null && problem.contains("was deleted or replaced"), problem);
            journal.record("kernel", "after", "kernel", "after");
            assertNull(journal.problem(), "healthy again once a new file was started");
        }
        assertTrue(Files.readString(file).contains("\tafter\t"), "entries after the deletion are on disk, not written blind");
    }
}
