package io.hallows.basilisk.api;

/**
 * One served route and its counters.
 *
 * @param module the Parseltongue module that declared it
 * @param revision the module revision serving it
 * @param method the HTTP method ({@code GET}, …)
 * @param path the path template
 * @param operation the operation it runs, {@code Service.op}
 * @param kind how it answers
 * @param requests requests answered (for a streaming route: connections)
 * @param clientErrors answers with a status from 400 to 499
 * @param serverErrors answers with a status from 500 to 599
 * @param p50Micros the median time to answer, in microseconds (0 before the first request)
 * @param p99Micros the 99th percentile, in microseconds
 */
public record RouteStats(String module, String revision, String method, String path, String operation, RouteKind kind, long requests,
        long clientErrors, long serverErrors, long p50Micros, long p99Micros) {
}
