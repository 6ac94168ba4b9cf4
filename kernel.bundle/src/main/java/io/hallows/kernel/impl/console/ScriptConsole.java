package io.hallows.kernel.impl.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.Callable;
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
 * Runs shell commands from standard input when it is not a terminal ({@code hallows.console=script},
 * set by {@code run/hallows}): after the ready line, each line is run as a Gogo command and its
 * output printed; at the end of input the stack stops, with exit status 0 if every command
 * succeeded and 1 otherwise. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>It is the launcher's main-thread service ({@code main.thread=true}): the bnd launcher calls it
 * on the main thread, stops the framework when it returns, and exits with the returned status.
 */
@Component(service = {}, immediate = true)
public final class ScriptConsole implements Callable<Integer> {
    static final String MODE_PROPERTY = "hallows.console";

    private final ReadyAnnouncer ready;
    private final CommandProcessor processor;
    private final ServiceRegistration<?> registration;

    @Activate
    public ScriptConsole(@Reference ReadyAnnouncer ready, @Reference CommandProcessor processor, BundleContext context) {
        this.ready = ready;
        this.processor = processor;
        if ("script".equals(context.getProperty(MODE_PROPERTY))) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("main.thread", "true");
            registration = context.registerService(Callable.class.getName(), this, props);
        } else {
            registration = null;
        }
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (!ready.awaitReady(Duration.ofSeconds(120))) {
            System.err.println("hallows: the stack did not become ready within 120 s; not running the script");
            return 2;
        }
        if (ready.stackError() != null) {
            System.err.println("hallows: not running the script: the stack file is invalid");
            return 2;
        }
        return run(System.in, System.out, System.err);
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

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
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
