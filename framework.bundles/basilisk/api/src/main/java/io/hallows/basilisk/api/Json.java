package io.hallows.basilisk.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request values for generated binding code. {@link #parse} turns a body into a tree of
 * {@code Map<String, Object>} (members in order), {@code List<Object>}, {@code String}, {@code Long},
 * {@code Double}, {@code Boolean} and {@code null}; the typed readers check one node and name
 * {@code where} it is in the {@link BadRequest} when it does not fit.
 */
public final class Json {
    /** Deeper documents are refused: a hostile body cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(40).build())
            .build();

    private Json() {}

    /** Parses a whole body; {@code where} names it in errors (usually {@code body}). */
    public static Object parse(byte[] body, String where) throws BadRequest {
        if (body.length == 0) {
            throw new BadRequest(where, "a JSON body is required");
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            Object v = read(p, first, new Where(null, where, -1));
            if (p.nextToken() != null) {
                throw new BadRequest(where, "unexpected data after the JSON value at offset " + p.currentLocation().getCharOffset());
            }
            return v;
        } catch (JsonParseException e) {
            throw new BadRequest(where, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw new BadRequest(where, "malformed JSON: " + e.getMessage());
        }
    }

    /**
     * Where a value is in the document, made into text only for an error: building the text for
     * every value would cost the square of the input (a long member name over many elements).
     */
    private record Where(Where parent, String name, int index) {
        @Override
        public String toString() {
            if (parent == null) {
                return name;
            }
            return parent + (name != null ? "." + name : "[" + index + "]");
        }
    }

    private static Object read(JsonParser p, JsonToken t, Where where) throws IOException, BadRequest {
        if (t == null) {
            throw new BadRequest(where.toString(), "a JSON body is required");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    Where member = new Where(where, name, -1);
                    if (m.containsKey(name)) {
                        throw new BadRequest(member.toString(), "member given twice");
                    }
                    m.put(name, read(p, p.nextToken(), member));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    l.add(read(p, n, new Where(where, null, l.size())));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new BadRequest(where.toString(), "integer out of range: " + p.getText());
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new BadRequest(where.toString(), "unexpected " + t);
        }
    }

    /** {@code v} as an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v, String where) throws BadRequest {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw mismatch(v, "an object", where);
    }

    /** {@code v} as an array. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object v, String where) throws BadRequest {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw mismatch(v, "an array", where);
    }

    /** Member {@code name} of {@code o}, which must be present (it may be null: check with the reader). */
    public static Object member(Map<String, Object> o, String name, String where) throws BadRequest {
        if (!o.containsKey(name)) {
            throw new BadRequest(where + "." + name, "required member is missing");
        }
        return o.get(name);
    }

    /** Members of {@code o} not in {@code known} are refused: a misspelt member is not silently dropped. */
    public static void onlyMembers(Map<String, Object> o, java.util.Set<String> known, String where) throws BadRequest {
        for (String name : o.keySet()) {
            if (!known.contains(name)) {
                throw new BadRequest(where + "." + name, "unknown member (expected one of " + known + ")");
            }
        }
    }

    public static long integer(Object v, String where) throws BadRequest {
        if (v instanceof Long l) {
            return l;
        }
        throw mismatch(v, "an integer", where);
    }

    public static double number(Object v, String where) throws BadRequest {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d;
        }
        throw mismatch(v, "a number", where);
    }

    public static boolean bool(Object v, String where) throws BadRequest {
        if (v instanceof Boolean b) {
            return b;
        }
        throw mismatch(v, "true or false", where);
    }

    public static String string(Object v, String where) throws BadRequest {
        if (v instanceof String s) {
            return s;
        }
        throw mismatch(v, "a string", where);
    }

    /** A path or query value as an Int: optional sign and decimal digits, in range. */
    public static long parseInteger(String raw, String where) throws BadRequest {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadRequest(where, "expected an integer, got \"" + shorten(raw) + "\"");
        }
    }

    /** A path or query value as a Float. */
    public static double parseNumber(String raw, String where) throws BadRequest {
        try {
            double d = Double.parseDouble(raw);
            if (raw.isEmpty() || !Character.isDigit(raw.charAt(raw.length() - 1))) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRequest(where, "expected a number, got \"" + shorten(raw) + "\"");
        }
    }

    /** A path or query value as a Bool: {@code true} or {@code false}. */
    public static boolean parseBool(String raw, String where) throws BadRequest {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequest(where, "expected true or false, got \"" + shorten(raw) + "\"");
        };
    }

    private static BadRequest mismatch(Object v, String expected, String where) {
        String got = v == null ? "null" : v instanceof Map ? "an object" : v instanceof List ? "an array"
                : v instanceof String s ? "the string \"" + shorten(s) + "\"" : v.toString();
        return new BadRequest(where, "expected " + expected + ", got " + got);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
