package io.hallows.db.oltp.impl.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 1_000;
    @TempDir
    Path directory;
    private LogFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LogFixture(directory);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void oneForceCoversManyCommitsAndNoneIsAcknowledgedBeforeItsForce() throws Exception {
        AtomicLong forcedUpTo = new AtomicLong();
        AtomicInteger early = new AtomicInteger();
        ForceObserver watch = new ForceObserver() {
            @Override
            public void forced(long lsn) {
                forcedUpTo.accumulateAndGet(lsn, Math::max);
            }
        };
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL.withSegmentSize(1 << 20), watch)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String prefix = "t" + t + ":";
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        long lsn = opened.store().commit(prefix + i);
                        opened.log().durable(lsn).thenRun(() -> {
                            if (forcedUpTo.get() < lsn) {
                                early.incrementAndGet();
                            }
                        }).join();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            LogStats stats = opened.log().stats();
            assertEquals(0, early.get(), "commits acknowledged before a force covered them");
            assertEquals(THREADS * PER_THREAD, stats.commitsCovered());
            double ratio = (double) stats.commitsCovered() / stats.forces();
            assertTrue(ratio > 1, "commits per force: " + ratio + " (" + stats + ")");
        }
        try (LogFixture.Opened recovered = fixture.open(LogFixture.SMALL)) {
            List<String> state = recovered.store().state();
            assertEquals(THREADS * PER_THREAD, new HashSet<>(state).size());
            assertEquals(THREADS * PER_THREAD, state.size());
        }
    }

    @Test
    void aFailedForceFailsTheWaitersAndEveryLaterAppendWith58030() throws IOException {
        AtomicInteger forces = new AtomicInteger();
        ForceObserver breaksOnThird = new ForceObserver() {
            @Override
            public void beforeForce(long lsn) throws IOException {
                if (forces.incrementAndGet() >= 3) {
                    throw new IOException("disk on fire");
                }
            }
        };
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL, breaksOnThird)) {
            opened.commitAll(List.of("one"));
            opened.commitAll(List.of("two"));
            long lsn = opened.store().commit("three");
            CompletableFuture<Void> waiting = opened.log().durable(lsn);
            CompletionException failed = assertThrows(CompletionException.class, waiting::join);
            SqlException error = assertInstanceOf(SqlException.class, failed.getCause());
            assertEquals("58030", error.sqlState());
            assertInstanceOf(IOException.class, error.getCause());
            SqlException refused = assertThrows(SqlException.class, () -> opened.store().commit("four"));
            assertEquals("58030", refused.sqlState());
            assertTrue(opened.log().durable(lsn).isCompletedExceptionally());
        }
        try (LogFixture.Opened recovered = fixture.open(LogFixture.SMALL)) {
            assertTrue(recovered.store().state().containsAll(List.of("one", "two")), recovered.store().state().toString());
            assertTrue(!recovered.store().state().contains("four"));
        }
    }

    @Test
    void withSyncOffOnlyTheBackgroundForceCompletesDurability() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        LogOptions off = LogFixture.SMALL.withSyncMode(LogOptions.SyncMode.OFF);
        try (WriteAheadLog log = WriteAheadLog.open(directory, off, tasks::add, TestLogs.recording(fixture.logLines))) {
            FakeStore store = new FakeStore();
            log.recover(store);
            store.attach(log);
            long lsn = store.commit("async");
            CompletableFuture<Void> durable = log.durable(lsn);
            assertTrue(tasks.isEmpty(), "durable() started a force with sync OFF");
            assertTrue(!durable.isDone());
            while (!durable.isDone()) {
                tasks.take().run(); // the background force arrives after 200 ms, then the force it submits
            }
            durable.join();
            assertEquals(1, log.stats().forces());
        }
    }
}
