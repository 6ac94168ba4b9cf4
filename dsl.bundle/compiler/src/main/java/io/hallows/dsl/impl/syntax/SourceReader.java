package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Position;

/** Reads source text code point by code point, tracking line and column; shared by the lexer's parts. */
final class SourceReader {
    private final String file;
    private final String src;
    private int offset;
    private int line = 1;
    private int column = 1;

    SourceReader(String file, String src) {
        this.file = file;
        this.src = src;
        if (src.startsWith("\uFEFF")) {
            offset = 1;
        }
    }

    Position pos() {
        return new Position(file, line, column, offset);
    }

    boolean atEnd() {
        return offset >= src.length();
    }

    /** The code point {@code ahead} code points from here, or -1 past the end. */
    int peek(int ahead) {
        int i = offset;
        for (int n = 0; n < ahead && i < src.length(); n++) {
            i += Character.charCount(src.codePointAt(i));
        }
        return i < src.length() ? src.codePointAt(i) : -1;
    }

    void advance() {
        int c = src.codePointAt(offset);
        offset += Character.charCount(c);
        if (c == '\n' || (c == '\r' && (offset >= src.length() || src.charAt(offset) != '\n'))) {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    /** The text from {@code start} to here. */
    String since(Position start) {
        return src.substring(start.offset(), offset);
    }

    static boolean isLineEnd(int c) {
        return c == '\n' || c == '\r';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(int c) {
        return isIdentStart(c) || isDigit(c);
    }
}
