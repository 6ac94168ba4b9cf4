package io.hallows.bench.olap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * DuckDB's {@code EXPLAIN (ANALYZE, FORMAT json)} as one operator per line, indented by depth, with
 * its rows out and its own time: the shape of Hallows' EXPLAIN ANALYZE, so the two read side by side
 * (DuckDB's default rendering is a box tree hundreds of columns wide).
 */
final class DuckDbPlan {
    /** The details of an operator worth a line: what it reads, joins on, filters, groups. */
    private static final List<String> DETAILS = List.of("Table", "Join Type", "Conditions", "Filters", "Groups", "Aggregates", "Order By");

    private DuckDbPlan() {}

    static String render(String json) throws IOException {
        JsonNode profile = new ObjectMapper().readTree(json);
        StringBuilder out = new StringBuilder();
        for (JsonNode op : profile.path("operator")) {
            operator(op, 0, out);
        }
        return out.toString();
    }

    private static void operator(JsonNode op, int depth, StringBuilder out) {
        String type = op.path("type").asText();
        // The collector and the EXPLAIN node itself are not part of the query.
        boolean shown = !type.equals("RESULT_COLLECTOR") && !type.equals("EXPLAIN_ANALYZE");
        if (shown) {
            out.append("  ".repeat(depth)).append(type);
            JsonNode info = op.path("extra_info");
            for (String key : DETAILS) {
                if (info.has(key)) {
                    out.append(' ').append(key).append(": ").append(flat(info.get(key)));
                }
            }
            out.append(String.format(Locale.ROOT, "  (rows %d, time %.3f ms)%n", op.path("intermediate_rows").asLong(), op.path("timing").asDouble() * 1e3));
        }
        for (JsonNode child : op.path("children")) {
            operator(child, shown ? depth + 1 : depth, out);
        }
    }

    private static String flat(JsonNode v) {
        if (v.isObject()) {
            StringBuilder s = new StringBuilder("{");
            v.properties().forEach(e -> s.append(s.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(flat(e.getValue())));
            return s.append('}').toString();
        }
        if (!v.isArray()) {
            return v.asText().replace('\n', ' ');
        }
        StringBuilder s = new StringBuilder("[");
        v.forEach(e -> s.append(s.length() > 1 ? ", " : "").append(e.asText().replace('\n', ' ')));
        return s.append(']').toString();
    }
}
