package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable {@code let_*_var} state in a real stack process on the default stack file: the shipped
 * {@code hello.pt} greets three times, the stack's JVM is killed with SIGKILL, a new stack on the
 * same data area continues counting from the stored value (table {@code pt_state} of the OLTP
 * database), not from the variable's initial value.
 */
class ParseltongueDurableStateIT {
    private static final String CALL = "pt:call hello Greeter greet Ana";

    @TempDir
    Path work;

    @Test
    void greetingsGoOnAfterTheStackIsKilled() throws Exception {
        Files.createDirectories(work.resolve("apps"));
        Files.copy(Path.of("apps", "hello.pt"), work.resolve("apps").resolve("hello.pt"));

        Process first = start("first");
        try {
            send(first, "pt:await hello 60000");
            for (int i = 0; i < 3; i++) {
                send(first, CALL);
            }
            awaitOutput("first", "Hello, Ana! (greeting number 3)");
        } finally {
            LaunchedStacks.kill(first);
        }

        Process second = start("second");
        try {
            send(second, "pt:await hello 60000");
            send(second, CALL);
            String out = awaitOutput("second", "Hello, Ana! (greeting number ");
            assertTrue(out.contains("Hello, Ana! (greeting number 4)"), "the count goes on from the stored value:\n" + out);
            assertFalse(out.contains("greeting number 1)"), out);
        } finally {
            LaunchedStacks.kill(second);
        }
    }

    private Process start(String name) throws IOException {
        return LaunchedStacks.launch(work, name, "-Dhallows.admin.port=0 -Dhallows.messaging.port=0 -Dhallows.pgwire.port=" + LaunchedStacks.freePort(), null, "script");
    }

    private static void send(Process stack, String command) throws IOException {
        OutputStream in = stack.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The stack's output once it contains {@code text} and the line it is on has ended; fails after 120 s. */
    private String awaitOutput(String name, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String out = LaunchedStacks.output(work, name);
            int at = out.indexOf(text);
            if (at >= 0 && out.indexOf('\n', at) > 0) {
                return out;
            }
            Thread.sleep(100); // polls another process's output file: nothing to wait on across processes
        }
        throw new AssertionError("no '" + text + "' from the stack within 120 s:\n" + LaunchedStacks.output(work, name));
    }
}
