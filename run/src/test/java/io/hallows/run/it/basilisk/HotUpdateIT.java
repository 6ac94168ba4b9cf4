package io.hallows.run.it.basilisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot update under load: clients on kept-alive connections (HTTP/1.1 and HTTP/2) send requests
 * without pause while the module is replaced five times. Every request must succeed — none failed,
 * no connection dropped — and each revision must be seen answering.
 */
class HotUpdateIT {
    private static final int REVISIONS = 5;
    private static final int CLIENTS = 4;

    @TempDir
    Path work;

    private static String module(int revision) {
        return "module hot version \"1." + revision + ".0\";\n\n"
                + "model Answer { revision: Int, echo: Int }\n\n"
                + "service Hot {\n"
                + "    @get(\"/hot/{n}\")\n"
                + "    op hot(n: Int): Answer { return Answer { revision: " + revision + ", echo: n }; }\n"
                + "}\n";
    }

    @Test
    void requestsKeepSucceedingWhileTheModuleIsReplaced() throws Exception {
        try (WebStack stack = new WebStack(work)) {
            stack.app("hot.pt", module(0));
            stack.start("/hot/1");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong ok = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                HttpClient.Version version = c % 2 == 0 ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
                HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
                Thread t = new Thread(() -> {
                    long n = 0;
                    while (running.get()) {
                        n++;
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(stack.uri("/hot/" + n)).timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String body = r.body();
                            if (r.statusCode() != 200 || !body.endsWith(",\"echo\":" + n + "}")) {
                                failures.add(version + " #" + n + ": " + r.statusCode() + " " + body);
                            } else {
                                seen.add(Integer.parseInt(body.substring(body.indexOf(':') + 1, body.indexOf(','))));
                                ok.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.add(version + " #" + n + ": " + e);
                        }
                    }
                }, "client-" + c);
                t.setDaemon(true);
                clients.add(t);
                t.start();
            }
            for (int rev = 1; rev <= REVISIONS; rev++) {
                final int expected = rev;
                stack.app("hot.pt", module(rev));
                stack.awaitBody("/hot/0", r -> r.body().startsWith("{\"revision\":" + expected + ","), Duration.ofSeconds(60));
            }
            long before = ok.get();
            stack.awaitBody("/hot/0", r -> ok.get() > before + 100, Duration.ofSeconds(30));
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
            System.out.printf("hot update: %d requests succeeded, %d failed, revisions seen %s%n", ok.get(), failures.size(), seen);
            assertEquals(List.of(), new ArrayList<>(failures).subList(0, Math.min(20, failures.size())), failures.size() + " requests failed; the stack printed:\n" + stack.output());
            assertTrue(ok.get() > 500, "requests ran during the updates: " + ok.get());
            for (int rev = 0; rev <= REVISIONS; rev++) {
                assertTrue(seen.contains(rev), "revision " + rev + " answered: " + seen);
            }
        }
    }
}
