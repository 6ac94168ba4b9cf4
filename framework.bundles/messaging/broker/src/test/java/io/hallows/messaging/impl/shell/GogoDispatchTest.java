package io.hallows.messaging.impl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.impl.channel.FakeGroups;
import io.hallows.messaging.impl.channel.FakeLogs;
import io.hallows.messaging.impl.channel.RecordCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands as the real Gogo runtime dispatches them, with the Log Service's command beside
 * them: {@code log:tail <topic>} is the broker's, the log-entry forms go on to {@code log:entries}.
 */
class GogoDispatchTest {
    private final ThreadIOImpl io = new ThreadIOImpl();
    private CommandSession session;
    private final FakeLogs logs = new FakeLogs();
    private final LogShell shell = new LogShell();

    /** Stands for the logging bundle's LogCommands (log:entries, its forms). */
    public static final class Entries {
        public String entries() {
            return "entries";
        }

        public String entries(int n) {
            return "entries " + n;
        }

        public String entries(int n, String level) {
            return "entries " + n + " " + level;
        }

        public String entries(int n, String level, String prefix) {
            return "entries " + n + " " + level + " " + prefix;
        }
    }

    @BeforeEach
    void shell() {
        io.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(io);
        for (String function : List.of("topics", "create", "describe", "tail", "groups")) {
            processor.addCommand("log", shell, function, 10);
        }
        processor.addCommand("log", new Entries(), "entries");
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    @AfterEach
    void close() {
        session.close();
        io.stop();
    }

    @Test
    void theCommandsExistBeforeTheBrokerOpensAndWaitForIt() throws Exception {
        assertEquals("entries 5", session.execute("log:tail 5"), "the log entries need no broker");
        java.util.concurrent.CompletableFuture<Object> early = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return session.execute("log:create early 2");
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertTrue(logs.topic("early").isEmpty(), "nothing is created before the broker is open");
        shell.bind(new MessagingCommands(logs, new FakeGroups()));
        assertTrue(early.get(30, java.util.concurrent.TimeUnit.SECONDS).toString().contains("created topic 'early'"));
        assertEquals(2, logs.topic("early").orElseThrow().partitions());
    }

    @Test
    void aTopicIsTailedAndTheLogEntryFormsGoOn() throws Exception {
        shell.bind(new MessagingCommands(logs, new FakeGroups()));
        session.execute("log:create t 1 flush=os");
        logs.append("t", 0, RecordCodec.encode(0, null, "hello".getBytes(StandardCharsets.UTF_8), List.of())).join();
        assertTrue(session.execute("log:tail t").toString().contains("hello"));
        assertTrue(session.execute("log:tail t 1").toString().contains("hello"));
        assertEquals("entries", session.execute("log:tail"));
        assertEquals("entries 5", session.execute("log:tail 5"));
        assertEquals("entries 5 DEBUG", session.execute("log:tail 5 DEBUG"));
        assertEquals("entries 5 DEBUG io.netty", session.execute("log:tail 5 DEBUG io.netty"));
        assertTrue(session.execute("log:describe t").toString().contains("flush"));
        assertTrue(session.execute("log:topics").toString().startsWith("TOPIC"));
        assertEquals("no consumer groups\n", session.execute("log:groups"));
        session.execute("log:create one");
        session.execute("log:create two 2");
        assertEquals(1, logs.topic("one").orElseThrow().partitions());
        assertEquals(2, logs.topic("two").orElseThrow().partitions());
    }

    @Test
    void wrongWordsAreRefusedWithTheReason() throws Exception {
        shell.bind(new MessagingCommands(logs, new FakeGroups()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.execute("log:tail nope"));
        assertEquals("there is no topic 'nope' (topics: none)", e.getMessage());
        session.execute("log:create t");
        e = assertThrows(IllegalArgumentException.class, () -> session.execute("log:tail t many"));
        assertEquals("'many' is not a number of records (log:tail <topic> [n])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> session.execute("log:create u 1 flush"));
        assertTrue(e.getMessage().contains("'flush' is not name=value"), e.getMessage());
    }
}
