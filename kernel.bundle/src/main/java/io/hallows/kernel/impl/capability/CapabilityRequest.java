package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One clause of a bundle's {@code Hallows-Request} header:
 * {@code service:greeter;rights:="CALL,READ"}. Without {@code rights}, {@code CALL} is requested.
 */
public record CapabilityRequest(Resource resource, Set<Right> rights) {

    /** @throws IllegalArgumentException naming the clause and what is wrong with it */
    public static List<CapabilityRequest> parseHeader(String header) {
        List<CapabilityRequest> requests = new ArrayList<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            List<String> parts = splitOutsideQuotes(clause, ';');
            Set<Right> rights = Set.of(Right.CALL);
            for (String attribute : parts.subList(1, parts.size())) {
                String[] kv = attribute.split(":?=", 2);
                if (kv.length != 2 || !kv[0].trim().equals("rights")) {
                    throw new IllegalArgumentException("clause '" + clause.trim() + "': unknown attribute '" + attribute.trim()
                            + "' (expected rights:=\"RIGHT,...\")");
                }
                rights = Rights.parse(kv[1].trim().replace("\"", ""));
            }
            requests.add(new CapabilityRequest(Resource.parse(parts.get(0).trim()), rights));
        }
        return requests;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quote in '" + text + "'");
        }
        parts.add(current.toString());
        return parts;
    }
}
