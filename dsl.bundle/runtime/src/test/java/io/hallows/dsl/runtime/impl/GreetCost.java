package io.hallows.dsl.runtime.impl;

import io.hallows.db.oltp.impl.TestDatabases;
import io.hallows.dsl.runtime.PtMath;
import io.hallows.dsl.runtime.SharedVar;
import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.StateWrites;
import io.hallows.dsl.runtime.local.MemoryStateStore;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * What durable state costs {@code hello.pt}'s {@code greet}: its generated body (a shared-variable
 * increment and a string, bracketed by {@link StateWrites}) over the in-memory store and over the
 * OLTP database in a temporary folder (synchronous commit), from 1 and from 8 threads. A harness,
 * not a test: run it by hand (see docs/parseltongue.md, "Durable state"), outside any build.
 *
 * <pre>java -cp &lt;runtime test class path&gt; io.hallows.dsl.runtime.impl.GreetCost [seconds]</pre>
 */
public final class GreetCost {
    private GreetCost() {
    }

    /** {@code greet}'s body as the compiler generates it. */
    static String greet(SharedVar<Long> greetings, String name) {
        StateWrites.Scope state = StateWrites.enter();
        try {
            greetings.update(g -> PtMath.add(g, 1L));
            return "Hello, " + name + "! (greeting number " + greetings.get() + ")";
        } finally {
            state.exit();
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        StateStore memory = new MemoryStateStore().scopedTo("hello");
        report("memory", memory, seconds);
        Path folder = Files.createTempDirectory("greet-cost");
        try (TestDatabases.Open db = TestDatabases.open(folder, 4)) {
            for (boolean synchronous : List.of(true, false)) {
                DurableState durable = new DurableState(db.database(), RecordingLogger.into(new ArrayList<>()), synchronous);
                long commits = db.database().stats().loggedCommits();
                long forces = db.database().stats().forces();
                report(synchronous ? "OLTP" : "async", new MemoryStateStore(durable).scopedTo("hello"), seconds);
                System.out.println(String.format(Locale.ROOT, "       %,d commits, %,d log forces", db.database().stats().loggedCommits() - commits,
                        db.database().stats().forces() - forces));
                durable.close();
            }
        }
    }

    private static void report(String name, StateStore store, double seconds) throws Exception {
        SharedVar<Long> greetings = new SharedVar<>(store.cell("hello", "Greeter.greetings", "Int", () -> 0L));
        run(greetings, 1, seconds / 3); // warm-up
        for (int threads : List.of(1, 8)) {
            long[] r = run(greetings, threads, seconds);
            System.out.println(String.format(Locale.ROOT, "%-6s %d thread(s): %,10.0f greets/s, %,10.0f ns per greet (wall / greets x threads)",
                    name, threads, r[0] / seconds, seconds * 1e9 * threads / r[0]));
        }
    }

    private static long[] run(SharedVar<Long> greetings, int threads, double seconds) throws Exception {
        LongAdder done = new LongAdder();
        CountDownLatch go = new CountDownLatch(1);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < end) {
                    greet(greetings, "Ana");
                    done.increment();
                }
            });
            thread.start();
            all.add(thread);
        }
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        return new long[] {done.sum()};
    }
}
