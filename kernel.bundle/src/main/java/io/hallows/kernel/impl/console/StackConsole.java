package io.hallows.kernel.impl.console;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.Callable;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.protect.GatedService;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The stack's console, started once the ready line is printed. Its mode is the framework property
 * {@code hallows.console} ({@code run/hallows} sets it from whether standard input is a terminal):
 * <ul>
 * <li>{@code interactive} (the default): the Gogo shell on the terminal; leaving it (Ctrl-D)
 *     stops the stack;</li>
 * <li>{@code script}: each line of standard input is run as a command and its output printed;
 *     blank lines and lines starting with {@code #} are skipped; at the end of input the stack
 *     stops, with exit status 1 if a command failed, else 4 if the stack booted with problems in
 *     its stack file (rejected partitions, keys given twice: see {@link ReadyAnnouncer}), else 0;</li>
 * <li>{@code none}: no console; the stack runs until it is stopped.</li>
 * </ul>
 * It is the launcher's main-thread service ({@code main.thread=true}): the bnd launcher calls it on
 * the main thread, stops the framework when it returns, and exits with the returned status. Gogo's
 * own shell bundle runs with {@code gosh.args=--nointeractive}, so the prompt appears only after
 * the ready line.
 */
@Component(service = {}, immediate = true)
public final class StackConsole implements Callable<Integer> {
    static final String MODE_PROPERTY = "hallows.console";
    /** A script's exit status when its commands succeeded but the stack booted only in part. */
    static final int PARTIAL_STACK_STATUS = 4;
    // This class is the operator console: what it prints on these streams (the shell, script-mode
    // results and failures) is console output, not logging.
    // The process's own streams: Gogo replaces System.out and System.err with per-thread
    // multiplexers that write to the session's streams, so a session on them would loop.
    private static final PrintStream STDOUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, Charset.defaultCharset());
    private static final PrintStream STDERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, Charset.defaultCharset());

    private final ReadyAnnouncer ready;
    private final CommandProcessor processor;
    private final ServiceRegistration<?> registration;

    private final String mode;

    @Activate
    public StackConsole(@Reference ReadyAnnouncer ready, @Reference CommandProcessor processor,
            @Reference(target = Kernel.TARGET) Kernel kernel, BundleContext context) {
        this.ready = ready;
        this.processor = processor;
        String configured = context.getProperty(MODE_PROPERTY);
        this.mode = configured == null ? "interactive" : configured;
        if (!mode.equals("none")) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("main.thread", "true");
            // Only the launcher, through the system bundle, may run the console.
            registration = context.registerService(Callable.class.getName(),
                    new GatedService<>(this, b -> b.getBundleId() == 0, "console", kernel.audit()), props);
        } else {
            registration = null;
        }
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (!ready.awaitReady(Duration.ofSeconds(120))) {
            STDERR.println("hallows: the stack did not become ready within 120 s; no console");
            return 2;
        }
        if (mode.equals("interactive")) {
            return interactive();
        }
        if (ready.stackError() != null) {
            STDERR.println("hallows: not running the script: the stack file is invalid");
            return 2;
        }
        int status = run(System.in, STDOUT, STDERR);
        int problems = ready.problems().size();
        if (status == 0 && problems > 0) {
            STDERR.println("hallows: the stack booted with " + problems + " problem(s) in its stack file (listed before the ready line)");
            return PARTIAL_STACK_STATUS;
        }
        return status;
    }

    private int interactive() {
        try (CommandSession session = processor.createSession(new FileInputStream(FileDescriptor.in), STDOUT, STDERR)) {
            session.execute("gosh --login --noshutdown");
            return 0;
        } catch (Exception e) {
            STDERR.println("hallows: the shell ended with an error: " + describe(e));
            return 1;
        }
    }

    int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
        int failures = 0;
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String command = line.strip();
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                out.println("> " + command);
                try {
                    Object result = session.execute(command);
                    if (result != null) {
                        out.println(result instanceof CharSequence text ? text.toString().stripTrailing()
                                : session.format(result, Converter.INSPECT));
                    }
                } catch (Exception e) {
                    failures++;
                    err.println("hallows: line " + number + ": " + command + ": " + describe(e));
                }
                out.flush();
            }
        }
        if (failures > 0) {
            err.println("hallows: " + failures + " command(s) failed");
        }
        return failures == 0 ? 0 : 1;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof java.lang.reflect.UndeclaredThrowableException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // Unregistered by the framework while stopping.
            }
        }
    }
}
