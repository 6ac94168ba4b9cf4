package io.hallows.dsl.impl.ast;

/**
 * Where something is in a source file.
 *
 * @param file   the file name as given to the compiler
 * @param line   1-based line
 * @param column 1-based column in code points
 * @param offset 0-based offset in UTF-16 chars into the source, for slicing it
 */
public record Position(String file, int line, int column, int offset) {
    /** The position {@code chars} code points to the right on the same line, {@code units} chars further in the source. */
    public Position shifted(int codePoints, int units) {
        return new Position(file, line, column + codePoints, offset + units);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
