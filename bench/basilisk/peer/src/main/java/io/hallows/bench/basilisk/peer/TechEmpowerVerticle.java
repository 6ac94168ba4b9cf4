package io.hallows.bench.basilisk.peer;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TechEmpower's six test types on one event loop: a vertx-web router, one pipelined
 * {@link PgConnection} with cached prepared statements, JSON written with Vert.x's own
 * {@link JsonObject}, the fortunes page escaped by hand (TechEmpower's rules allow any escaping
 * that is correct; a template engine would add a dependency, not correctness).
 */
final class TechEmpowerVerticle extends VerticleBase {

    static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
    static final String UPDATE_WORLD = "UPDATE world SET randomnumber = $1 WHERE id = $2";
    static final String SELECT_FORTUNE = "SELECT id, message FROM fortune";
    private static final CharSequence SERVER = HttpHeaders.createOptimized("vertx-web");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain");
    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=UTF-8");
    private static final Buffer HELLO = Buffer.buffer("Hello, World!");

    private final PgConnectOptions pgOptions;
    private final int port;
    private PgConnection db;
    /** The Date header, renewed every second (TechEmpower checks it is not a constant). */
    private CharSequence date;

    TechEmpowerVerticle(PgConnectOptions pgOptions, int port) {
        this.pgOptions = pgOptions;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        renewDate();
        vertx.setPeriodic(1000, id -> renewDate());
        Router router = Router.router(vertx);
        router.get("/plaintext").handler(this::plaintext);
        router.get("/json").handler(this::json);
        router.get("/db").handler(this::db);
        router.get("/queries").handler(this::queries);
        router.get("/fortunes").handler(this::fortunes);
        router.get("/updates").handler(this::updates);
        return PgConnection.connect(vertx, pgOptions)
                .compose(connection -> {
                    db = connection;
                    return vertx.createHttpServer(new HttpServerOptions())
                            .requestHandler(router)
                            .listen(port, "127.0.0.1");
                });
    }

    private void renewDate() {
        date = HttpHeaders.createOptimized(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()));
    }

    private HttpServerResponse response(RoutingContext ctx, CharSequence contentType) {
        HttpServerResponse response = ctx.response();
        response.headers()
                .add(HttpHeaders.SERVER, SERVER)
                .add(HttpHeaders.DATE, date)
                .add(HttpHeaders.CONTENT_TYPE, contentType);
        return response;
    }

    private void plaintext(RoutingContext ctx) {
        response(ctx, TEXT).end(HELLO);
    }

    private void json(RoutingContext ctx) {
        response(ctx, JSON).end(new JsonObject().put("message", "Hello, World!").toBuffer());
    }

    private void db(RoutingContext ctx) {
        db.preparedQuery(SELECT_WORLD).execute(Tuple.of(randomWorld())).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            response(ctx, JSON).end(world(ar.result().iterator().next()).toBuffer());
        });
    }

    private void queries(RoutingContext ctx) {
        int count = Queries.count(ctx.request().getParam("queries"));
        List<Future<RowSet<Row>>> reads = readRandomWorlds(count);
        Future.all(reads).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            JsonArray worlds = new JsonArray(new ArrayList<>(count));
            for (Future<RowSet<Row>> read : reads) {
                worlds.add(world(read.result().iterator().next()));
            }
            response(ctx, JSON).end(worlds.toBuffer());
        });
    }

    private void fortunes(RoutingContext ctx) {
        db.preparedQuery(SELECT_FORTUNE).execute().onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            List<Fortunes.Fortune> fortunes = new ArrayList<>(ar.result().size() + 1);
            for (Row row : ar.result()) {
                fortunes.add(new Fortunes.Fortune(row.getInteger(0), row.getString(1)));
            }
            fortunes.add(new Fortunes.Fortune(0, "Additional fortune added at request time."));
            fortunes.sort(Comparator.comparing(Fortunes.Fortune::message));
            response(ctx, HTML).end(Fortunes.page(fortunes));
        });
    }

    /** Reads each world on its own, gives it a new number, writes them back as one batch. */
    private void updates(RoutingContext ctx) {
        int count = Queries.count(ctx.request().getParam("queries"));
        List<Future<RowSet<Row>>> reads = readRandomWorlds(count);
        Future.all(reads).compose(done -> {
            int[][] worlds = new int[count][];
            for (int i = 0; i < count; i++) {
                Row row = reads.get(i).result().iterator().next();
                worlds[i] = new int[] {row.getInteger(0), randomWorld()};
            }
            // In id order, so that two requests updating the same rows cannot deadlock.
            int[][] sorted = worlds.clone();
            Arrays.sort(sorted, Comparator.comparingInt(w -> w[0]));
            List<Tuple> batch = new ArrayList<>(count);
            for (int[] w : sorted) {
                batch.add(Tuple.of(w[1], w[0]));
            }
            return db.preparedQuery(UPDATE_WORLD).executeBatch(batch).map(worlds);
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            JsonArray body = new JsonArray(new ArrayList<>(count));
            for (int[] w : ar.result()) {
                body.add(new JsonObject().put("id", w[0]).put("randomNumber", w[1]));
            }
            response(ctx, JSON).end(body.toBuffer());
        });
    }

    /** {@code count} random worlds, each read with a query of its own (pipelined on the connection). */
    private List<Future<RowSet<Row>>> readRandomWorlds(int count) {
        List<Future<RowSet<Row>>> reads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reads.add(db.preparedQuery(SELECT_WORLD).execute(Tuple.of(randomWorld())));
        }
        return reads;
    }

    private static JsonObject world(Row row) {
        return new JsonObject().put("id", row.getInteger(0)).put("randomNumber", row.getInteger(1));
    }

    private static int randomWorld() {
        return ThreadLocalRandom.current().nextInt(1, 10_001);
    }
}
