package io.hallows.basilisk.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one JSON document to bytes, for generated encoders: {@code create().beginObject()
 * .name("id").value(7).endObject().toBytes()}. Strings are escaped by Jackson. Not thread-safe.
 */
public final class JsonOut {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    private final JsonGenerator gen;

    private JsonOut() {
        try {
            gen = FACTORY.createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty document. */
    public static JsonOut create() {
        return new JsonOut();
    }

    public JsonOut beginObject() {
        return write(() -> gen.writeStartObject());
    }

    public JsonOut endObject() {
        return write(() -> gen.writeEndObject());
    }

    public JsonOut beginArray() {
        return write(() -> gen.writeStartArray());
    }

    public JsonOut endArray() {
        return write(() -> gen.writeEndArray());
    }

    /** The name of the next member of the current object. */
    public JsonOut name(String name) {
        return write(() -> gen.writeFieldName(name));
    }

    public JsonOut value(long v) {
        return write(() -> gen.writeNumber(v));
    }

    /** A Float; NaN and infinities, which JSON cannot hold, are written as null. */
    public JsonOut value(double v) {
        return write(() -> {
            if (Double.isFinite(v)) {
                gen.writeNumber(v);
            } else {
                gen.writeNull();
            }
        });
    }

    public JsonOut value(boolean v) {
        return write(() -> gen.writeBoolean(v));
    }

    /** A string, or null for {@code null}. */
    public JsonOut value(String v) {
        return write(() -> gen.writeString(v));
    }

    public JsonOut nul() {
        return write(() -> gen.writeNull());
    }

    /** An already encoded JSON value (from another {@link #toBytes()}), written as it is. */
    public JsonOut raw(byte[] json) {
        return write(() -> gen.writeRawValue(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The document's UTF-8 bytes; the writer is finished. */
    public byte[] toBytes() {
        write(() -> gen.close());
        return bytes.toByteArray();
    }

    private JsonOut write(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            // Only reachable on a misuse (a value where a name is due): say which.
            throw new IllegalStateException("bad JSON document: " + e.getMessage(), e);
        }
        return this;
    }

    private interface IoStep {
        void run() throws IOException;
    }
}
