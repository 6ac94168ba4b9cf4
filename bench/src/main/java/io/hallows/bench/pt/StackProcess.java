package io.hallows.bench.pt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The exported stack ({@code run/target/hallows.jar}) as a child process, started as
 * {@code run/hallows start} starts it, in script mode: each line written to its standard input is
 * run as a shell command, which prints {@code > command} and then its result on standard output, or
 * {@code hallows: line N: command: reason} on standard error when it fails. Every line of both
 * streams is time-stamped on arrival ({@link System#nanoTime()}) and copied to a log file, and kept
 * for {@link #ptLine}: the watched folder's reports ({@code shop.pt updated ...}) reach the console
 * through the OSGi Log Service, so they are matched by their text in whatever format it prints; the
 * framework's error lines ({@code ERROR: ...}, which Felix prints on standard output, between a
 * command's echo and its result) for {@link #errors}. Closing
 * ends standard input (the stack stops) and destroys the process if it has not exited.
 */
final class StackProcess implements AutoCloseable {
    /** A line the stack printed, when it arrived. */
    record Line(boolean err, String text, long nanos) {
    }

    /** A command's first line of output (ok), or its failure line; when it arrived. */
    record Answer(boolean ok, String text, long nanos) {
    }

    private final Process process;
    private final Writer stdin;
    private final PrintWriter log;
    private final Thread killer;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final List<Line> ptLines = new CopyOnWriteArrayList<>();
    private final List<Line> errors = new CopyOnWriteArrayList<>();
    private int commands;

    private StackProcess(Process process, PrintWriter log) {
        this.process = process;
        this.log = log;
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), Charset.defaultCharset());
        this.killer = new Thread(process::destroyForcibly, "hallows-bench-stack-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        read(process.getInputStream(), false);
        read(process.getErrorStream(), true);
    }

    /**
     * Starts {@code jar} with {@code stackFile}, the watched folder {@code apps}, an admin API on a
     * free port with its token in {@code work}, and {@code work} as working directory.
     */
    static StackProcess start(Path jar, Path stackFile, Path apps, Path work) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Felix and Gogo use sun.misc.Unsafe
        }
        command.addAll(List.of("-Dconfigurator.initial=" + stackFile.toAbsolutePath().toUri(), "-Dhallows.pt.apps=" + apps.toAbsolutePath(),
                "-Dhallows.console=script", "-Dhallows.admin.port=0", "-Dhallows.admin.tokenFile=" + work.resolve("admin.token"),
                "-Dhallows.data=" + work.resolve("data"), "-Dlaunch.storage.dir=" + work.resolve("data/framework"),
                "-jar", jar.toAbsolutePath().toString()));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(work.resolve("stack.log"), StandardCharsets.UTF_8), true);
        log.println("# " + String.join(" ", command));
        return new StackProcess(new ProcessBuilder(command).directory(work.toFile()).start(), log);
    }

    private void read(InputStream stream, boolean err) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()))) {
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    Line line = new Line(err, text, System.nanoTime());
                    log.println((err ? "err " : "out ") + line.nanos() + " " + text);
                    ptLines.add(line);
                    if (text.startsWith("ERROR:")) {
                        errors.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "hallows-bench-stack-" + (err ? "err" : "out"));
        reader.setDaemon(true);
        reader.start();
    }

    /** The first line that satisfies {@code wanted}, skipping the others. */
    Line await(Predicate<Line> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Line line = lines.poll(Math.min(200_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("the stack exited with status " + process.exitValue() + " (see its log)");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms (see the stack's log)");
            }
        }
    }

    /**
     * Runs a shell command and returns the first line of its output that satisfies {@code answer}
     * (framework lines may come first), or its failure.
     */
    Answer command(String command, Predicate<String> answer, Duration timeout) throws IOException, InterruptedException {
        int number = ++commands;
        stdin.write(command + "\n");
        stdin.flush();
        String echo = "> " + command;
        String failed = "hallows: line " + number + ": ";
        boolean[] echoed = {false};
        Line line = await(l -> {
            if (l.err()) {
                return l.text().startsWith(failed);
            }
            if (!echoed[0]) {
                echoed[0] = l.text().equals(echo);
                return false;
            }
            return answer.test(l.text());
        }, timeout);
        return new Answer(!line.err(), line.err() ? line.text().substring(failed.length()) : line.text(), line.nanos());
    }

    /** The first line (of either stream) that arrived after {@code since} and contains {@code text}, waiting for it. */
    Line ptLine(long since, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Line l : ptLines) {
                if (l.nanos() - since >= 0 && l.text().contains(text)) {
                    return l;
                }
            }
            if (System.nanoTime() - deadline > 0 || !process.isAlive()) {
                throw new IllegalStateException("no line '" + text + "' from the deployer (see the stack's log)");
            }
            Thread.sleep(5);
        }
    }

    /** The framework's error lines so far. */
    List<Line> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close(); // end of the script: the stack stops
        } catch (IOException gone) {
            // already exited
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        log.println("# " + (process.isAlive() ? "still running after destroyForcibly" : "exit status " + process.exitValue()));
        log.close();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
