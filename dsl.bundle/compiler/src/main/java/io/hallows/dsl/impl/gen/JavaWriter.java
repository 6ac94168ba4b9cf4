package io.hallows.dsl.impl.gen;

/** Writes Java source line by line, with four-space indentation. */
final class JavaWriter {
    private final StringBuilder out = new StringBuilder();
    private int indent;

    JavaWriter line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
        return this;
    }

    /** {@code text {}, then indents. */
    JavaWriter open(String text) {
        line(text + " {");
        indent++;
        return this;
    }

    /** Outdents, then {@code }}. */
    JavaWriter close() {
        return close("");
    }

    /** Outdents, then {@code }} followed by {@code rest} (e.g. {@code " else {"}). */
    JavaWriter close(String rest) {
        indent--;
        return line("}" + rest);
    }

    /** Outdents and opens again: {@code } else {}. */
    JavaWriter reopen(String text) {
        indent--;
        line("} " + text + " {");
        indent++;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
