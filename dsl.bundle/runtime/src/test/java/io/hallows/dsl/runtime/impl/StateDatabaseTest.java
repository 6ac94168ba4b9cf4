package io.hallows.dsl.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.oltp.api.Database;
import io.hallows.db.oltp.impl.TestDatabases;
import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.local.MemoryStateStore;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import io.hallows.sql.api.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The runtime finds the database as a service: state is durable while it is registered, in memory otherwise. */
class StateDatabaseTest {
    @TempDir
    Path storage;
    @TempDir
    Path data;

    @Test
    void stateIsDurableWhileTheDatabaseIsRegisteredAndWritesWaitForItsReturn() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TestFramework framework = new TestFramework(storage); TestDatabases.Open db = TestDatabases.open(data, 4)) {
            BundleContext context = framework.context();
            MemoryStateStore store = new MemoryStateStore();
            try (StateDatabase database = new StateDatabase(context, store, RecordingLogger.into(log))) {
                assertFalse(store.durable(), "no database yet");
                ServiceRegistration<?> registration = context.registerService(Database.class.getName(), db.database(), null);
                assertTrue(store.durable());
                StateCell<Long> count = store.cell("shop", "count", "Int", () -> 0L);
                count.set(1L);
                assertEquals(List.of("1"), stored(db.database()));

                registration.unregister();
                assertFalse(store.durable(), "the database went away");
                count.set(2L); // kept pending
                assertEquals(List.of("1"), stored(db.database()));
                context.registerService(Database.class.getName(), db.database(), null);
                assertEquals(List.of("2"), stored(db.database()), "written when the database came back");
            }
        }
        assertTrue(log.stream().anyMatch(line -> line.startsWith("the OLTP database went away")), log.toString());
    }

    @Test
    void withoutADatabaseBundleAModuleStartDoesNotWaitAndSaysStateIsNotDurable() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TestFramework framework = new TestFramework(storage)) {
            MemoryStateStore store = new MemoryStateStore();
            try (StateDatabase database = new StateDatabase(framework.context(), store, RecordingLogger.into(log))) {
                database.beforeModuleStart();
                database.beforeModuleStart();
            }
            assertFalse(store.durable());
        }
        assertEquals(List.of("no OLTP database in this stack: Parseltongue state is kept in memory only (it starts over after a restart)"), log);
    }

    @Test
    void theDatabaseIsAwaitedOnlyWhenTheStackFilePutsItInAPartition() throws Exception {
        Path withDb = Files.writeString(data.resolve("with.json"), "{ \"bundles:String[]\": [\"io.hallows.db.*\"] }");
        Path without = Files.writeString(data.resolve("without.json"), "{ \"bundles:String[]\": [\"pt.*\"] }");
        assertTrue(StateDatabase.stackMentions(without.toUri() + "," + withDb.toUri(), StateDatabase.DB_PATTERN));
        assertFalse(StateDatabase.stackMentions(without.toUri().toString(), StateDatabase.DB_PATTERN));
        assertTrue(StateDatabase.stackMentions("{ \"x\": \"io.hallows.db.*\" }", StateDatabase.DB_PATTERN), "inline JSON");
        assertFalse(StateDatabase.stackMentions(null, StateDatabase.DB_PATTERN));
    }

    private static List<String> stored(Database db) throws Exception {
        try (Session s = db.open("test", Map.of())) {
            return s.execute("SELECT value FROM pt_state WHERE module = 'shop' AND name = 'count'").get().rows().stream()
                    .map(row -> (String) row[0]).toList();
        }
    }
}
