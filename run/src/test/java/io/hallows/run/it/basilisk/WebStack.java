package io.hallows.run.it.basilisk;

import io.hallows.run.it.LaunchedStacks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real stack process ({@code run/hallows start}) with its own data area, applications folder and
 * free ports for Basilisk's HTTP server and the PostgreSQL wire server, reached with Java's HTTP
 * client. Restartable on the same data area; {@link #kill()} sends SIGKILL.
 */
final class WebStack implements AutoCloseable {
    private final Path work;
    private final int httpPort;
    private final int pgPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Process process;
    private int starts;

    WebStack(Path work) throws IOException {
        this.work = work;
        this.httpPort = LaunchedStacks.freePort();
        this.pgPort = LaunchedStacks.freePort();
        Files.createDirectories(apps());
    }

    Path apps() {
        return work.resolve("apps");
    }

    int pgPort() {
        return pgPort;
    }

    HttpClient client() {
        return client;
    }

    /** Writes {@code source} as application {@code file} (the folder is watched: it deploys). */
    void app(String file, String source) throws IOException {
        Path tmp = apps().resolve("." + file + ".tmp");
        Files.writeString(tmp, source, StandardCharsets.UTF_8);
        Files.move(tmp, apps().resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the stack and returns once {@code readyPath} answers 200. */
    void start(String readyPath) throws Exception {
        String name = "stack-" + (++starts);
        process = LaunchedStacks.launch(work, name,
                "-Dhallows.admin.port=0 -Dhallows.pgwire.port=" + pgPort + " -Dhallows.basilisk.port=" + httpPort
                        + " -Dhallows.messaging.port=" + LaunchedStacks.freePort(), null);
        awaitStatus(readyPath, 200, Duration.ofSeconds(150));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls {@code path} until it answers {@code status} (another process: nothing to wait on but its port). */
    void awaitStatus(String path, int status, Duration timeout) throws Exception {
        awaitBody(path, r -> r.statusCode() == status, timeout);
    }

    /** Polls {@code path} until its response satisfies {@code ok}; returns that response. */
    HttpResponse<String> awaitBody(String path, Predicate<HttpResponse<String>> ok, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> r = get(path);
                if (ok.test(r)) {
                    return r;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200); // polls another process's port: nothing to wait on across processes
        }
        throw new AssertionError("GET " + path + " did not answer as expected in " + timeout + " (last: " + last + ")\n"
                + LaunchedStacks.output(work, "stack-" + starts));
    }

    /** Polls the stack's output until {@code ok} accepts it (a deploy's diagnostics are printed there). */
    void awaitOutput(Predicate<String> ok, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ok.test(output())) {
                return;
            }
            Thread.sleep(200); // another process's output file: nothing to wait on
        }
        throw new AssertionError("the stack did not print what was expected in " + timeout + ":\n" + output());
    }

    /** SIGKILL to the stack's JVM. */
    void kill() throws InterruptedException {
        LaunchedStacks.kill(process);
    }

    /** What the current start printed. */
    String output() throws IOException {
        return LaunchedStacks.output(work, "stack-" + starts);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
