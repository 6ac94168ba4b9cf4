package io.hallows.db.oltp.impl.wal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child JVM of {@link CrashRecoveryTest}: recovers the log in {@code args[0]}, then has four
 * threads commit {@code <args[1]>:<thread>:<n>} forever, printing each one once it is durable,
 * until the test kills the process. A checkpoint is taken every 500 commits.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        WriteAheadLog log = WriteAheadLog.open(Path.of(args[0]), CrashRecoveryTest.OPTIONS, executor,
                TestLogs.recording(new ArrayList<>()));
        FakeStore store = new FakeStore();
        log.recover(store);
        store.attach(log);
        PrintStream out = System.out;
        out.println("recovered " + store.state().size());
        out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String prefix = args[1] + ":" + t + ":";
            writers.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; ; n++) {
                    String value = prefix + n;
                    long lsn = store.commit(value);
                    log.durable(lsn).join();
                    synchronized (out) {
                        out.println(value);
                        out.flush();
                    }
                    if (n % 500 == 499) {
                        log.checkpoint(store);
                    }
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
