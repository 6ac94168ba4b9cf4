package io.hallows.run.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the ITs that start a stack as a process of its own (run/hallows start) share. */
public final class LaunchedStacks {
    private LaunchedStacks() {
    }

    /** A port free now, for a stack's server to bind. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code run/hallows start} without console, building nothing, on the data area
     * {@code work/data} with its own admin token and applications folder; its output goes to
     * {@code work/<name>.out} and {@code .err}.
     *
     * @param javaOpts the stack's JVM options (ports)
     * @param stackFile the stack file, or null for the default one
     */
    public static Process launch(Path work, String name, String javaOpts, Path stackFile) throws IOException {
        return launch(work, name, javaOpts, stackFile, "none");
    }

    /**
     * As {@link #launch(Path, String, String, Path)}, with console {@code console}: {@code script}
     * runs each line written to the process's standard input as a shell command and prints its
     * output (after a {@code > command} line) to {@code <name>.out}.
     */
    public static Process launch(Path work, String name, String javaOpts, Path stackFile, String console) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("hallows.launcher", "hallows"), "start");
        builder.redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        java.util.Map<String, String> env = builder.environment();
        env.put("HALLOWS_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HALLOWS_DATA", work.resolve("data").toString());
        env.put("HALLOWS_ADMIN_TOKEN_FILE", work.resolve("admin.token").toString());
        env.put("HALLOWS_APPS", work.resolve("apps").toString());
        env.put("HALLOWS_CONSOLE", console);
        env.put("HALLOWS_JAVA_OPTS", javaOpts);
        if (stackFile != null) {
            env.put("HALLOWS_STACK", stackFile.toString());
        }
        return builder.start();
    }

    /** SIGKILL to the stack's JVM (not only the launcher's shell), then waits until it is gone. */
    public static void kill(Process launcher) throws InterruptedException {
        List<ProcessHandle> jvms = launcher.descendants().toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : jvms) {
            h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        launcher.destroyForcibly();
        launcher.waitFor(30, TimeUnit.SECONDS);
    }

    /** What a start named {@code name} printed ({@code <name>.out} and {@code <name>.err} in {@code work}). */
    public static String output(Path work, String name) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String f : List.of(name + ".out", name + ".err")) {
            Path p = work.resolve(f);
            if (Files.exists(p)) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
