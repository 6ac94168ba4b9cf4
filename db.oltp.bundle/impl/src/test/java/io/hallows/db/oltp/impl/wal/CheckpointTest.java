package io.hallows.db.oltp.impl.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final LogOptions TINY = LogOptions.DEFAULTS.withSegmentSize(8 << 10);
    @TempDir
    Path directory;

    @Test
    void checkpointsWhileCommitsGoOnLoseAndDoubleNothingAndRemoveOldSegments() throws Exception {
        Path firstSegment;
        List<String> committed = new ArrayList<>();
        try (LogFixture fixture = new LogFixture(directory); LogFixture.Opened opened = fixture.open(TINY)) {
            firstSegment = LogFiles.segments(directory).firstEntry().getValue();
            List<Thread> writers = new ArrayList<>();
            List<List<String>> perWriter = new ArrayList<>();
            List<CheckpointInfo> checkpoints = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> mine = new ArrayList<>();
                perWriter.add(mine);
                String prefix = "w" + t + ":";
                boolean checkpointing = t == 0;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; n < 1_500; n++) {
                        long lsn = opened.store().commit(prefix + n);
                        opened.log().durable(lsn).join();
                        mine.add(prefix + n);
                        if (checkpointing && n % 300 == 299) {
                            checkpoints.add(opened.log().checkpoint(opened.store()).join()); // the others write on
                        }
                    }
                }));
            }
            for (Thread writer : writers) {
                writer.join();
            }
            perWriter.forEach(committed::addAll);
            assertEquals(5, checkpoints.size());
            for (int c = 1; c < checkpoints.size(); c++) {
                assertTrue(checkpoints.get(c).lsn() >= checkpoints.get(c - 1).lsn(), checkpoints.toString());
            }
            assertEquals(checkpoints.getLast().lsn(), opened.log().stats().lastCheckpointLsn());
        }
        assertFalse(Files.exists(firstSegment), "the first segment outlived two checkpoints");
        assertTrue(LogFiles.checkpoints(directory).size() <= 2, LogFiles.checkpoints(directory).toString());
        try (LogFixture fixture = new LogFixture(directory); LogFixture.Opened recovered = fixture.open(TINY)) {
            List<String> state = recovered.store().state();
            assertEquals(state.size(), new HashSet<>(state).size(), "a commit recovered twice");
            assertEquals(new HashSet<>(committed), new HashSet<>(state));
            assertTrue(recovered.report().checkpoint() != null);
        }
    }

    @Test
    void anAutomaticCheckpointStartsOnceTheLogGrewPastTheLimit() throws Exception {
        LogOptions options = TINY.withCheckpointAfter(16 << 10, Duration.ofHours(1));
        List<String> lines = new CopyOnWriteArrayList<>();
        // tasks run inline: the trigger after a force has published its checkpoint when durable() returns
        Executor inline = Runnable::run;
        try (WriteAheadLog log = WriteAheadLog.open(directory, options, inline, TestLogs.recording(lines))) {
            FakeStore store = new FakeStore();
            log.recover(store);
            store.attach(log);
            log.checkpointAutomatically(store);
            long lsn = 0;
            while (lsn < 12 << 10) {
                lsn = store.commit("value at " + lsn);
                log.durable(lsn).join();
            }
            assertEquals(0, log.stats().lastCheckpointLsn(), "a checkpoint before the log grew 16 KiB");
            while (lsn < 20 << 10) {
                lsn = store.commit("value at " + lsn);
                log.durable(lsn).join();
            }
            long covered = log.stats().lastCheckpointLsn();
            assertTrue(covered >= 16 << 10 && covered <= lsn, "checkpoint at " + covered + ", log at " + lsn);
            assertTrue(LogFiles.checkpoints(directory).containsKey(covered), LogFiles.checkpoints(directory).toString());
        }
    }

    @Test
    void segmentsFreedByACheckpointAreRecycledAndTheirOldFramesEndTheLogCleanly() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Executor inline = Runnable::run; // forces, checkpoints and renames are done when the calls return
        List<String> committed;
        try (WriteAheadLog log = WriteAheadLog.open(directory, TINY, inline, TestLogs.recording(lines))) {
            FakeStore store = new FakeStore();
            log.recover(store);
            store.attach(log);
            commitUntil(store, log, 40 << 10);
            log.checkpoint(store).join();
            commitUntil(store, log, 80 << 10);
            log.checkpoint(store).join();
            long recycled = recycledSpares();
            assertTrue(recycled > 0, "no segment was recycled: " + LogFiles.segments(directory));
            while (recycledSpares() == recycled) { // until a roll reuses one: the log then ends inside it
                commitUntil(store, log, log.position() + 1);
            }
            committed = store.state();
        }
        try (LogFixture fixture = new LogFixture(directory); LogFixture.Opened recovered = fixture.open(TINY)) {
            assertEquals(committed, recovered.store().state());
            assertEquals(0, recovered.report().bytesCut());
            assertTrue(fixture.logLines.stream().noneMatch(line -> line.startsWith("WARN")), fixture.logLines.toString());
        }
    }

    private static void commitUntil(FakeStore store, WriteAheadLog log, long position) {
        for (long lsn = log.position(); lsn < position; ) {
            lsn = store.commit("value at " + lsn);
            log.durable(lsn).join();
        }
    }

    private long recycledSpares() throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("wal-recycled-")).count();
        }
    }

    @Test
    void aFailedSnapshotLeavesNoFileAndTheLogGoesOn() throws Exception {
        try (LogFixture fixture = new LogFixture(directory)) {
            try (LogFixture.Opened opened = fixture.open(TINY)) {
                opened.commitAll(List.of("kept"));
                Recoverable broken = new FakeStore() {
                    @Override
                    public long snapshot(java.util.function.Consumer<byte[]> sink) {
                        sink.accept(new byte[] {1, 2, 3});
                        throw new IllegalStateException("snapshot failed on purpose");
                    }
                };
                var failed = opened.log().checkpoint(broken);
                assertThrows(java.util.concurrent.CompletionException.class, failed::join);
                assertEquals(List.of(), LogFiles.leftovers(directory).stream()
                        .filter(file -> file.getFileName().toString().startsWith("checkpoint-")).toList());
                assertTrue(LogFiles.checkpoints(directory).isEmpty());
                assertTrue(fixture.warned("failed"), fixture.logLines.toString());
                opened.commitAll(List.of("after"));
            }
            try (LogFixture.Opened recovered = fixture.open(TINY)) {
                assertEquals(List.of("kept", "after"), recovered.store().state());
                assertEquals(null, recovered.report().checkpoint());
            }
        }
    }
}
