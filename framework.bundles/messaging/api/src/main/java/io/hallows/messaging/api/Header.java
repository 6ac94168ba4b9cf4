package io.hallows.messaging.api;

import java.util.Objects;

/** A record header: a name and a value (the value may be null). */
public record Header(String key, byte[] value) {
    /** @throws NullPointerException if key is null */
    public Header {
        Objects.requireNonNull(key, "key");
    }
}
