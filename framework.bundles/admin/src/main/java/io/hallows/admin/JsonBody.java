package io.hallows.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request body checked against what an endpoint accepts: one JSON object with only the fields
 * it names. Every failure is a 400 that says what is wrong and where, so that nothing reaches the
 * kernel until the whole request is known to be valid.
 */
final class JsonBody {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");
    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /**
     * @param example a valid body, shown in the error when the body is missing
     * @param emptyAllowed whether an empty body stands for {@code {}}
     * @param fields the field names the endpoint accepts
     * @throws ApiException 400 if the body is not one JSON object or has another field
     */
    static JsonBody parse(Buffer body, String example, boolean emptyAllowed, Set<String> fields) {
        if (body.toString().isBlank()) {
            if (emptyAllowed) {
                return new JsonBody(new JsonObject());
            }
            throw new ApiException(400, "the request body is empty: expected a JSON object such as " + example);
        }
        Object value;
        try {
            value = body.toJsonValue();
        } catch (DecodeException e) {
            throw new ApiException(400, "malformed JSON in the request body: " + readable(e.getMessage()));
        }
        if (!(value instanceof JsonObject object)) {
            throw new ApiException(400, "the request body must be a JSON object such as " + example + ", not " + type(value));
        }
        for (String name : object.fieldNames()) {
            if (!fields.contains(name)) {
                throw new ApiException(400, "unknown field \"" + name + "\" in the request body (accepted: "
                        + (fields.isEmpty() ? "none" : String.join(", ", fields.stream().sorted().toList())) + ")");
            }
        }
        return new JsonBody(object);
    }

    /** @throws ApiException 400 if the field is missing, not a string or blank */
    String requiredString(String field, String meaning) {
        Object value = object.getValue(field);
        if (value == null) {
            throw new ApiException(400, (object.containsKey(field) ? "field \"" + field + "\" is null" : "missing field \"" + field + "\"")
                    + " in the request body: " + meaning);
        }
        if (!(value instanceof String s)) {
            throw new ApiException(400, "field \"" + field + "\" must be a string, not " + type(value) + ": " + meaning);
        }
        if (s.isBlank()) {
            throw new ApiException(400, "field \"" + field + "\" is empty: " + meaning);
        }
        return s;
    }

    /**
     * Jackson's message without its source placeholder: "... at [line: 1, column: 22]". The
     * location stays, on the same line, so it reads well in one error string.
     */
    private static String readable(String message) {
        return message == null ? "cannot be parsed"
                : SOURCE.matcher(message).replaceAll("[").replaceAll("\\s*\\R\\s*", " ");
    }

    private static String type(Object value) {
        return switch (value) {
            case null -> "null";
            case JsonObject o -> "an object";
            case JsonArray a -> "an array";
            case String s -> "a string";
            case Boolean b -> "a boolean";
            case Number n -> "a number";
            default -> value.getClass().getSimpleName();
        };
    }
}
