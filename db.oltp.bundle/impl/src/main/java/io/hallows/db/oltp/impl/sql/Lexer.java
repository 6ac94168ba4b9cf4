package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * A token scanner for PostgreSQL's lexical rules (not a grammar): it finds statement boundaries,
 * leading keywords, parameters and literals while respecting quotes and comments, so that the
 * text can be split, normalised and rewritten before Calcite parses it.
 */
final class Lexer {
    enum Kind { WORD, QUOTED, NUMBER, STRING, PARAM, PUNCT, SEMI }

    /** A token: its kind, its span in the text and, for words, its lower-case text. */
    record Token(Kind kind, int start, int end, String text) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equals(word);
        }
    }

    private Lexer() {
    }

    static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (s.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (s.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
            } else if (c == '\'') {
                int end = quoted(s, i, '\'');
                out.add(new Token(Kind.STRING, i, end, null));
                i = end;
            } else if ((c == 'e' || c == 'E' || c == 'x' || c == 'X' || c == 'b' || c == 'B')
                    && i + 1 < n && s.charAt(i + 1) == '\'') {
                int end = quoted(s, i + 1, '\'');
                out.add(new Token(Kind.STRING, i, end, String.valueOf(Character.toLowerCase(c))));
                i = end;
            } else if (c == '"') {
                int end = quoted(s, i, '"');
                out.add(new Token(Kind.QUOTED, i, end, s.substring(i + 1, end - 1).replace("\"\"", "\"")));
                i = end;
            } else if (c == '$' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.PARAM, i, j, s.substring(i + 1, j)));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = number(s, i);
                out.add(new Token(Kind.NUMBER, i, j, s.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, i, j, s.substring(i, j).toLowerCase(java.util.Locale.ROOT)));
                i = j;
            } else if (c == ';') {
                out.add(new Token(Kind.SEMI, i, i + 1, ";"));
                i++;
            } else {
                int j = i + 1;
                if (c == ':' && j < n && s.charAt(j) == ':') {
                    j++;
                }
                out.add(new Token(Kind.PUNCT, i, j, s.substring(i, j)));
                i = j;
            }
        }
        return out;
    }

    private static int quoted(String s, int start, char q) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (q == '\'' && s.charAt(i) == '\\' && start > 0 && Character.toLowerCase(s.charAt(start - 1)) == 'e') {
                i += 2;
                continue;
            }
            i++;
        }
        throw new SqlException("42601", "unterminated quoted " + (q == '"' ? "identifier" : "string"), start + 1);
    }

    private static int number(String s, int i) {
        int n = s.length();
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.' && !(i + 1 < n && s.charAt(i + 1) == '.')) {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i + 1 < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')
                && (Character.isDigit(s.charAt(i + 1)) || ((s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')
                        && i + 2 < n && Character.isDigit(s.charAt(i + 2))))) {
            i += 2;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** The value of a plain (non-prefixed) string literal token. */
    static String stringValue(String s, Token t) {
        return s.substring(t.start() + 1, t.end() - 1).replace("''", "'");
    }

    /** A statement of a simple query: its text and where it starts in the query. */
    record Piece(String text, int offset) {
    }

    /** Splits a simple query into statements (without the semicolons), empty ones skipped. */
    static List<Piece> split(String s) {
        List<Piece> out = new ArrayList<>();
        int from = 0;
        boolean any = false;
        for (Token t : scan(s)) {
            if (t.kind() == Kind.SEMI) {
                if (any) {
                    out.add(new Piece(s.substring(from, t.start()), from));
                }
                from = t.end();
                any = false;
            } else {
                any = true;
            }
        }
        if (any) {
            out.add(new Piece(s.substring(from), from));
        }
        return out;
    }
}
