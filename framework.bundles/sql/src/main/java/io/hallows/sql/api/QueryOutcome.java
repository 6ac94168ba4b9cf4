package io.hallows.sql.api;

import java.util.List;

/**
 * What a simple query did: the results of the statements that ran, in order, and the error that
 * stopped the rest, or null when every statement ran.
 */
public record QueryOutcome(List<Result> results, SqlException error) {
    public QueryOutcome {
        results = List.copyOf(results);
    }
}
