package io.hallows.dsl.impl.gen;

/** Writes Java source line by line, with four-space indentation. */
final class JavaWriter {
    private final StringBuilder out = new StringBuilder();
    private final java.util.List<Integer> sourceLines = new java.util.ArrayList<>();
    private int indent;
    private int sourceLine;

    /** The {@code .pt} line the next lines are generated from (0: none), so that javac's complaints can name it. */
    JavaWriter at(int line) {
        sourceLine = line;
        return this;
    }

    /** For each line written (from 0), the {@code .pt} line it was generated from, or 0. */
    int[] sourceLines() {
        return sourceLines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Characters written so far: a measure of how much bytecode a body will take. */
    int length() {
        return out.length();
    }

    JavaWriter line(String text) {
        sourceLines.add(sourceLine);
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
