package io.hallows.kernel.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kernel object a {@link Capability} names, written {@code kind:name}: {@code service:greeter},
 * {@code partition:web}, {@code topic:orders}.
 *
 * @param kind what sort of object, lower case letters, digits and dashes
 * @param name which object of that kind; letters, digits and {@code . _ - /}
 */
public record Resource(String kind, String name) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    /** The kind of a protected service's capability. */
    public static final String SERVICE = "service";
    /** The kind of a partition's capability. */
    public static final String PARTITION = "partition";
    /**
     * The kind of a scheduling policy's capability: {@code scheduler:<policy>} with
     * {@link Right#PROVIDE} lets a bundle installed after the stack provide that policy.
     *
     * @since 0.4.0
     */
    public static final String SCHEDULER = "scheduler";

    /**
     * @throws IllegalArgumentException if kind or name is not well formed
     */
    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("resource kind '" + kind + "' is not valid: expected lower case letters, digits, '-'");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("resource name '" + name + "' is not valid: expected letters, digits, '.', '_', '-', '/'");
        }
    }

    /**
     * Parses {@code kind:name}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Resource parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a resource: expected kind:name, e.g. service:greeter");
        }
        return new Resource(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** The resource of the protected service registered under {@code name}. */
    public static Resource service(String name) {
        return new Resource(SERVICE, name);
    }

    /**
     * The resource of the scheduling policy called {@code policy}.
     *
     * @since 0.4.0
     */
    public static Resource scheduler(String policy) {
        return new Resource(SCHEDULER, policy);
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
