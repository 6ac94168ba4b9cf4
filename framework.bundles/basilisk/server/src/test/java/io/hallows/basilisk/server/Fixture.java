package io.hallows.basilisk.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A server on a free port with a plain thread pool for routes, and clients to talk to it. */
final class Fixture implements AutoCloseable {
    final Recorder log = new Recorder();
    final Recorder access = new Recorder();
    final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    final BasiliskServer server;
    final HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();

    Fixture(BasiliskConfig config, TableWatch tables) {
        server = BasiliskServer.start(config, vertx, pool, log.logger, access.logger, tables);
    }

    Fixture() {
        this(BasiliskConfig.defaults("127.0.0.1", 0).withSwapGrace(0), TableWatch.NONE);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http1.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http1.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).method(method, p).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Socket socket() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Writes {@code request} on a new connection and reads until the server closes it or 10 s pass. */
    String raw(String request) throws IOException {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAll(s.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (java.net.SocketException e) {
            // reset after the answer: what was read is what counts
        }
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        pool.shutdownNow();
        http1.close();
        http2.close();
    }
}
