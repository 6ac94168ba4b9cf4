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
