package io.hallows.dsl.impl.deploy;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values as Parseltongue writes them, for the shell: {@code some(2)}, {@code none},
 * {@code [1, 2]}, {@code {"a": 1}}, {@code Point { x: 0, y: 0 }}, strings quoted inside a value. A
 * String result on its own prints as its text, so {@code pt:call} shows {@code Hello, Ana!}.
 */
final class PtNotation {
    private PtNotation() {
    }

    /** A result of {@code pt:call}: a top-level String unquoted, anything else in Parseltongue's notation. */
    static String result(Object value) {
        return value instanceof String s ? s : value(value);
    }

    static String value(Object value) {
        return switch (value) {
            case null -> "none";
            case String s -> quoted(s);
            case Optional<?> o -> o.map(v -> "some(" + value(v) + ")").orElse("none");
            case List<?> list -> "[" + String.join(", ", list.stream().map(PtNotation::value).toList()) + "]";
            case Map<?, ?> map -> "{" + String.join(", ", map.entrySet().stream()
                    .map(e -> value(e.getKey()) + ": " + value(e.getValue())).toList()) + "}";
            case Record r -> model(r);
            default -> String.valueOf(value);
        };
    }

    private static String model(Record r) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        StringBuilder out = new StringBuilder(r.getClass().getSimpleName()).append(" {");
        for (int i = 0; i < components.length; i++) {
            Object field;
            try {
                components[i].getAccessor().setAccessible(true);
                field = components[i].getAccessor().invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                field = "?";
            }
            out.append(i == 0 ? " " : ", ").append(stripEscape(components[i].getName())).append(": ").append(value(field));
        }
        return out.append(components.length == 0 ? "}" : " }").toString();
    }

    /** A Parseltongue name from its Java name: a Java keyword gets a {@code $} suffix in generated code. */
    static String stripEscape(String javaName) {
        return javaName.endsWith("$") ? javaName.substring(0, javaName.length() - 1) : javaName;
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
