package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Logging in a real stack: Vert.x's, SLF4J's and java.util.logging's lines reach the OSGi Log
 * Service under their own logger names, at the levels the stack file sets, and the console (the
 * process's standard error) shows WARN and above in one format.
 */
class LoggingIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.logging", ":configurator:version": "1.0.0",
              "io.hallows.partition~work": { "name": "work", "cpus": "0", "exclusive": false },
              "org.osgi.service.log.admin": { "ROOT": "WARN", "it.chatty": "DEBUG" } }
            """;
    private static final String LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "work");

    private final BlockingQueue<String> entries = new LinkedBlockingQueue<>();
    private final Console console = new Console(System.err);
    private Object reader;
    private Class<?> readerType;
    private Class<?> listenerType;
    private Object listener;

    /** Every new Log Service entry, as "LEVEL logger: message", through a LogListener of our own. */
    @BeforeEach
    void listen() throws Exception {
        // All references: the test's class path has its own copy of the Log Service API.
        ServiceReference<?> ref = stack.system().getAllServiceReferences("org.osgi.service.log.LogReaderService", null)[0];
        reader = stack.system().getService(ref);
        readerType = ref.getBundle().loadClass("org.osgi.service.log.LogReaderService");
        listenerType = ref.getBundle().loadClass("org.osgi.service.log.LogListener");
        listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, (proxy, method, args) -> {
            if (method.getName().equals("logged")) {
                Object entry = args[0];
                entries.add(call(entry, "getLogLevel") + " " + call(entry, "getLoggerName") + ": " + call(entry, "getMessage"));
                return null;
            }
            return method.getName().equals("equals") ? proxy == args[0] : method.getName().equals("hashCode") ? 0 : "listener";
        });
        readerType.getMethod("addLogListener", listenerType).invoke(reader, listener);
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopListening() throws Exception {
        System.setErr(console.original);
        readerType.getMethod("removeLogListener", listenerType).invoke(reader, listener);
    }

    @Test
    void aVertxFailureIsLoggedUnderVertxsLoggerAndPrintedOnTheConsoleWithItsStack() throws Exception {
        String id = UUID.randomUUID().toString();
        Bundle vertxBundle = bundle("io.hallows.vertx");
        Class<?> vertxType = vertxBundle.loadClass("io.vertx.core.Vertx");
        Class<?> handlerType = vertxBundle.loadClass("io.vertx.core.Handler");
        Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
                throw new IllegalStateException("provoked failure " + id);
            }
            return method.getName().equals("hashCode") ? 0 : method.getName().equals("equals") ? proxy == args[0] : "handler";
        });
        // As in the stack, whose Vert.x starts on a framework thread: its logging cannot see the
        // test's class path (which has a copy of Vert.x), so Vert.x picks java.util.logging.
        Thread self = Thread.currentThread();
        ClassLoader previous = self.getContextClassLoader();
        self.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        Object vertx;
        try {
            vertx = vertxType.getMethod("vertx").invoke(null);
        } finally {
            self.setContextClassLoader(previous);
        }
        try {
            // Vert.x reports an exception a handler throws as "Unhandled exception", at ERROR.
            vertxType.getMethod("runOnContext", handlerType).invoke(vertx, handler);
            String entry = awaitEntry(e -> e.matches("ERROR io\\.vertx\\.core\\.[\\w.]+: Unhandled exception"));
            assertNotNull(entry, "Vert.x's error never reached the Log Service; entries: " + entries);
            String tail = stack.shell("log:tail 5 ERROR io.vertx");
            assertTrue(tail.matches("(?s).*" + LINE + "ERROR io\\.vertx\\.core\\.[\\w.]+: Unhandled exception\n"
                    + "    java\\.lang\\.IllegalStateException: provoked failure " + id + "\n        at .*"), tail);
            String printed = console.await(id);
            assertTrue(printed.matches("(?s).*" + LINE + "ERROR io\\.vertx\\.core\\.[\\w.]+: Unhandled exception\n"
                    + "    java\\.lang\\.IllegalStateException: provoked failure " + id + "\n        at .*"), printed);
        } finally {
            vertxType.getMethod("close").invoke(vertx);
        }
    }

    @Test
    void slf4jAndJavaUtilLoggingLinesArriveAtTheLevelsTheStackFileSets() throws Exception {
        Object chatty = slf4j("it.chatty.slf4j");
        Object quiet = slf4j("it.quiet.slf4j");
        Method debug = slf4jMethod("debug", String.class, Object.class);
        Method isDebugEnabled = slf4jMethod("isDebugEnabled");
        // The Configurator applies the stack file on its own thread: wait until the Log Service has it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Boolean) isDebugEnabled.invoke(chatty) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue((Boolean) isDebugEnabled.invoke(chatty), "it.chatty is configured at DEBUG in the stack file");
        assertFalse((Boolean) isDebugEnabled.invoke(quiet), "other loggers stay at the ROOT level, WARN");

        String id = UUID.randomUUID().toString();
        debug.invoke(quiet, "slf4j debug {} (not configured)", id);
        debug.invoke(chatty, "slf4j debug {}", id);
        Logger.getLogger("it.quiet.jul").fine("jul fine " + id + " (not configured)");
        Logger.getLogger("it.chatty.jul").fine("jul fine " + id);
        // Netty logs through SLF4J once it finds a real provider (it refuses SLF4J's no-op one).
        Bundle netty = bundle("io.netty.common");
        Object nettyLogger = netty.loadClass("io.netty.util.internal.logging.InternalLoggerFactory")
                .getMethod("getInstance", String.class).invoke(null, "it.chatty.netty");
        netty.loadClass("io.netty.util.internal.logging.InternalLogger").getMethod("debug", String.class)
                .invoke(nettyLogger, "netty debug " + id);
        slf4jMethod("warn", String.class, Object.class).invoke(quiet, "slf4j warn {}", id);

        // Entries arrive in order: once the last one is in, the others have been decided.
        assertNotNull(awaitEntry(e -> e.equals("WARN it.quiet.slf4j: slf4j warn " + id)), "entries: " + entries);
        assertTrue(entries.contains("DEBUG it.chatty.slf4j: slf4j debug " + id), "entries: " + entries);
        assertTrue(entries.contains("DEBUG it.chatty.jul: jul fine " + id), "entries: " + entries);
        assertTrue(entries.contains("DEBUG it.chatty.netty: netty debug " + id), "entries: " + entries);
        assertTrue(entries.stream().noneMatch(e -> e.contains("not configured")), "entries: " + entries);
        String tail = stack.shell("log:tail 10 DEBUG it.");
        assertTrue(tail.matches("(?s).*" + LINE + "DEBUG it\\.chatty\\.slf4j: slf4j debug " + id + "\n.*"), tail);
        assertTrue(tail.matches("(?s).*" + LINE + "DEBUG it\\.chatty\\.jul: jul fine " + id + "\n.*"), tail);
        assertFalse(tail.contains("not configured"), tail);
    }

    @Test
    void theConsoleShowsWarningsButNotInfoLinesByDefault() throws Exception {
        String id = UUID.randomUUID().toString();
        Object chatty = slf4j("it.chatty.console");
        slf4jMethod("info", String.class, Object.class).invoke(chatty, "an info line {}", id);
        slf4jMethod("warn", String.class, Object.class).invoke(chatty, "a warning {}", id);
        String printed = console.await("a warning " + id);
        assertTrue(printed.matches("(?s).*" + LINE + "WARN  it\\.chatty\\.console: a warning " + id + "\n.*"), printed);
        assertTrue(entries.contains("INFO it.chatty.console: an info line " + id), "the info line is logged: " + entries);
        assertFalse(printed.contains("an info line"), "the console level is WARN: " + printed);
    }

    /** Waits up to 30 s for a new entry that matches; null if none came. */
    private String awaitEntry(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String e : entries) {
            if (wanted.test(e)) {
                return e;
            }
        }
        BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
        while (System.nanoTime() < deadline) {
            String e = entries.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            fresh.add(e);
            if (wanted.test(e)) {
                entries.addAll(fresh);
                return e;
            }
        }
        entries.addAll(fresh);
        return null;
    }

    private Object slf4j(String name) throws Exception {
        return bundle("slf4j.api").loadClass("org.slf4j.LoggerFactory").getMethod("getLogger", String.class).invoke(null, name);
    }

    private Method slf4jMethod(String name, Class<?>... parameters) throws Exception {
        return bundle("slf4j.api").loadClass("org.slf4j.Logger").getMethod(name, parameters);
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(stack.system().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " in the stack"));
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    /** Standard error while a test runs: what is written is kept (and still shown). */
    private static final class Console extends OutputStream {
        final PrintStream original;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Console(PrintStream original) {
            this.original = original;
        }

        @Override
        public synchronized void write(int b) {
            kept.write(b);
            original.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            kept.write(b, off, len);
            original.write(b, off, len);
            notifyAll();
        }

        /** What was printed, once it contains {@code text} (or after 30 s). */
        synchronized String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!kept.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
