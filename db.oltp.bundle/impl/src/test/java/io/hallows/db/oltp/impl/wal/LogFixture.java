package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A log directory, an executor for its forces and a recording logger, for one test. */
final class LogFixture implements AutoCloseable {
    static final LogOptions SMALL = LogOptions.DEFAULTS.withSegmentSize(64 << 10);
    final Path directory;
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final List<String> logLines = new CopyOnWriteArrayList<>();

    LogFixture(Path directory) {
        this.directory = directory;
    }

    /** Opens and recovers the log into a fresh store attached to it. */
    Opened open(LogOptions options) throws IOException {
        return open(options, ForceObserver.NONE);
    }

    Opened open(LogOptions options, ForceObserver observer) throws IOException {
        WriteAheadLog log = WriteAheadLog.open(directory, options, executor, TestLogs.recording(logLines), observer);
        FakeStore store = new FakeStore();
        RecoveryReport report = log.recover(store);
        store.attach(log);
        return new Opened(log, store, report);
    }

    /** Whether some WARN line contains {@code text}. */
    boolean warned(String text) {
        return logLines.stream().anyMatch(line -> line.startsWith("WARN") && line.contains(text));
    }

    record Opened(WriteAheadLog log, FakeStore store, RecoveryReport report) implements AutoCloseable {
        /** Commits each value and waits until all are durable; returns the LSNs. */
        long[] commitAll(List<String> values) {
            long[] lsns = new long[values.size()];
            for (int i = 0; i < lsns.length; i++) {
                lsns[i] = store.commit(values.get(i));
            }
            log.durable(lsns[lsns.length - 1]).join();
            return lsns;
        }

        @Override
        public void close() throws IOException {
            log.close();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
