package io.hallows.bench.basilisk.peer;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Starts the peer: one {@link TechEmpowerVerticle} per event loop (as many as cpus by default),
 * each with its own PostgreSQL connection, all sharing the HTTP port (Vert.x balances
 * connections over them).
 *
 * <p>Arguments: {@code --port P --pg-host H --pg-port P --pg-user U --pg-database D
 * [--instances N]}. Prints {@code peer: listening on host:port} once every verticle serves, or
 * exits with status 1 naming what failed.
 */
public final class PeerMain {

    private static final System.Logger LOG = System.getLogger("basilisk.peer");

    private PeerMain() {
    }

    public static void main(String[] args) {
        int port = 8080;
        int instances = Runtime.getRuntime().availableProcessors();
        PgConnectOptions pg = new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(5432)
                .setUser("postgres")
                .setDatabase("bench")
                // Prepared statements are cached per connection; pipelining lets one connection
                // carry the queries of many requests at once (TechEmpower's vertx-web does both).
                .setCachePreparedStatements(true)
                .setPipeliningLimit(100_000);
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--instances" -> instances = Integer.parseInt(value);
                case "--pg-host" -> pg.setHost(value);
                case "--pg-port" -> pg.setPort(Integer.parseInt(value));
                case "--pg-user" -> pg.setUser(value);
                case "--pg-database" -> pg.setDatabase(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Vertx vertx = Vertx.vertx();
        int listenPort = port;
        vertx.deployVerticle(() -> new TechEmpowerVerticle(pg, listenPort),
                        new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> LOG.log(System.Logger.Level.INFO, "peer: listening on 127.0.0.1:" + listenPort))
                .onFailure(failure -> {
                    LOG.log(System.Logger.Level.ERROR, "peer: could not start: " + failure, failure);
                    vertx.close();
                    System.exit(1);
                });
    }
}
