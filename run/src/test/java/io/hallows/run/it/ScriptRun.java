package io.hallows.run.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One {@code run/hallows start} in script mode over a stack file of the test's own: commands on
 * standard input, the stack's admin API, data area and Parseltongue folder in the test's folder.
 *
 * @param status the process's exit status
 * @param out    its standard output
 * @param err    its standard error
 * @param millis how long the whole run took, from launch to exit
 */
public record ScriptRun(int status, String out, String err, long millis) {
    /** Runs {@code stdin} over {@code stackJson}; fails if the run does not end within {@code limitSeconds}. */
    public static ScriptRun over(Path work, String stackJson, String stdin, int limitSeconds) throws IOException, InterruptedException {
        Path stack = Files.writeString(work.resolve("stack.json"), stackJson);
        Path in = Files.writeString(work.resolve("in.txt"), stdin);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Files.createDirectories(work.resolve("apps"));
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("hallows.launcher", "hallows"), "start")
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HALLOWS_NO_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HALLOWS_STACK", stack.toString());
        builder.environment().put("HALLOWS_APPS", work.resolve("apps").toString());
        builder.environment().put("HALLOWS_DATA", work.resolve("data").toString());
        builder.environment().put("HALLOWS_CONSOLE", "script");
        builder.environment().put("HALLOWS_JAVA_OPTS", "-Dhallows.admin.port=0 -Dhallows.admin.tokenFile=" + work.resolve("admin.token"));
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("run/hallows start did not end within " + limitSeconds + " s:\n" + Files.readString(out)
                    + Files.readString(err));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new ScriptRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
    }

    /** The ready line, or an empty string. */
    public String readyLine() {
        return out.lines().filter(l -> l.startsWith("hallows: ready")).findFirst().orElse("");
    }

    /** Everything it printed, for assertion messages. */
    public String all() {
        return "exit " + status + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
