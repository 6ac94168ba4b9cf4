package io.hallows.dsl.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.runtime.local.MemoryStateStore;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** A module's context: services and partitions through the bundle's own context, state, closing. */
class BundleModuleContextTest {
    @TempDir
    Path storage;
    private TestFramework framework;
    private BundleContext bundle;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "web-worker"));
    private final List<TaskHints> hints = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private BundleModuleContext context;

    @BeforeEach
    void launch() throws Exception {
        framework = new TestFramework(storage);
        bundle = framework.context();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PartitionExecutor.PARTITION, "web");
        bundle.registerService(PartitionExecutor.class, new WorkerExecutor(), properties);
        context = new BundleModuleContext("demo", bundle, new MemoryStateStore().scopedTo("demo"), RecordingLogger.into(log));
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        worker.shutdownNow();
        framework.close();
    }

    @Test
    void runInRunsTheBodyInThePartitionWithItsKey() throws Exception {
        assertEquals("web-worker", context.runIn("web", 42, () -> Thread.currentThread().getName()));
        assertEquals("42", hints.get(0).key());
        assertEquals("web-worker", context.runIn("web", null, () -> context.runIn("web", "inner", () -> Thread.currentThread().getName())),
                "a nested call for the same partition runs where it is");
        assertEquals(TaskHints.NONE, hints.get(1));
        assertEquals(2, hints.size());
    }

    @Test
    void awaitServiceTakesTheOneOfTheFilterOnceItIsRegistered() throws Exception {
        Hashtable<String, Object> olap = new Hashtable<>();
        olap.put("db", "olap");
        bundle.registerService(Supplier.class, () -> "olap", olap);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> context.awaitService(Supplier.class, "(db=oltp)", 50));
        assertTrue(missing.getMessage().contains("(db=oltp)"), missing.getMessage());

        java.util.concurrent.CompletableFuture<Supplier<?>> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return context.awaitService(Supplier.class, "(db=oltp)", 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Hashtable<String, Object> oltp = new Hashtable<>();
        oltp.put("db", "oltp");
        bundle.registerService(Supplier.class, () -> "oltp", oltp);
        assertEquals("oltp", waiting.get(30, java.util.concurrent.TimeUnit.SECONDS).get());
        assertEquals("olap", context.service(Supplier.class, "(db=olap)").get());
    }

    @Test
    void runInThrowsWhatTheBodyThrew() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad sku");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> context.runIn("web", "k", () -> {
            throw thrown;
        })));
    }

    @Test
    void aPartitionThatIsNotVisibleIsNamed() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> context.runIn("db", null, () -> 1));
        assertEquals("module 'demo': partition 'db' has no executor visible to org.apache.felix.framework [0]: the partition does not "
                + "exist, or org.apache.felix.framework [0] lacks service:kernel.executor.db CALL (add it to the partition's bundles, "
                + "or grant it)", missing.getMessage());
    }

    @Test
    void servicesAreLookedUpAndAMissingOneIsNamed() {
        Supplier<String> greeter = () -> "hello";
        bundle.registerService(Supplier.class, greeter, null);
        assertSame(greeter, context.service(Supplier.class));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> context.service(Runnable.class));
        assertTrue(missing.getMessage().startsWith("module 'demo': no service java.lang.Runnable is available to org.apache.felix.framework [0]"),
                missing.getMessage());
    }

    @Test
    void closingClosesResourcesNewestFirstAndEndsTheRevision() {
        List<String> closed = new ArrayList<>();
        context.onClose(() -> closed.add("first"));
        context.onClose(() -> closed.add("second"));
        context.onClose(() -> {
            throw new IllegalStateException("stuck");
        });

        context.close();

        assertEquals(List.of("second", "first"), closed);
        assertTrue(log.get(0).startsWith("demo: closing "), log.toString());
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> context.service(Supplier.class));
        assertEquals("module 'demo': this revision has stopped", stopped.getMessage());
    }

    @Test
    void aModuleSeesOnlyItsOwnState() {
        assertEquals(0L, context.state().cell("demo", "count", "Long", () -> 0L).get());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> context.state().cell("shop", "prices", "Long", () -> 0L));
        assertEquals("module 'demo' may not use the state of module 'shop'", other.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> context.state().drop("demo"));
    }

    /** A partition executor on one thread that records the hints it was given. */
    private final class WorkerExecutor implements PartitionExecutor {
        @Override
        public String partition() {
            return "web";
        }

        @Override
        public void execute(Runnable task) {
            execute(task, TaskHints.NONE);
        }

        @Override
        public Runnable ownThread(String role, Runnable loop, java.util.function.LongSupplier busySince) {
            throw new UnsupportedOperationException("modules run no loops of their own");
        }

        @Override
        public void execute(Runnable task, TaskHints taskHints) {
            hints.add(taskHints);
            worker.execute(task);
        }

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints taskHints) {
            hints.add(taskHints);
            CompletableFuture<T> result = new CompletableFuture<>();
            worker.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }
    }
}
